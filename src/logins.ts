// What GitHub allows in the names people and repositories go by. Anything else in a config, an input
// or a records file is refused: such text ends up in CSV cells, markdown and ballots.

/** A user or organization login: letters, digits and hyphens, 39 at most, not starting with a hyphen. */
export const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/

/** Logins of other actors (apps' bots, mannequins): they never count, but must still be plain text. */
export const OTHER_ACTOR_LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/** `owner/name` as GitHub spells a repository. */
export const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/
