/**
 * `User.email`, the public profile email. A classic token without `read:user` or `user:email` gets the
 * whole query refused (INSUFFICIENT_SCOPES) for it: written this way wherever it is asked for, so the
 * client can ask again without it.
 */
export const PROFILE_EMAIL = 'email # profile email: needs read:user or user:email\n'

/** The document without the profile email, wherever it asks for it. */
export const withoutProfileEmail = (document: string): string => document.split(PROFILE_EMAIL).join('')

// Who did something: `__typename` tells Bots apart, and a User's public name and email come along
// inline so that profiles never need separate lookups.
export const ACTOR_FIELDS = /* GraphQL */ `
  fragment ActorFields on Actor {
    __typename
    login
    ... on User {
      name
      ${PROFILE_EMAIL}
    }
  }
`
