import type { Actor, ActorType, Profile } from '../records.js'

/** An `author`/`actor` as the ActorFields fragment returns it; null for a deleted account. */
export interface ActorNode {
  __typename: string
  login: string
  name?: string | null
  email?: string | null
}

const ACTOR_TYPES: ActorType[] = ['User', 'Bot', 'Organization', 'Mannequin', 'EnterpriseUserAccount']

/** Turns actors into records' `Actor`s while noting the public profile of every User seen. */
export class ProfileBook {
  private readonly profiles = new Map<string, Profile>()

  actor(node: ActorNode | null | undefined): Actor | null {
    if (!node) return null
    // Every type that implements GitHub's Actor today; a new one must not be guessed to be a person.
    const type = ACTOR_TYPES.find(t => t === node.__typename)
    if (type === undefined)
      throw new Error(
        `GitHub named an actor of a type this version does not know: ${node.__typename} (${node.login})`
      )
    if (type === 'User') this.user({ login: node.login, name: node.name ?? '', email: node.email ?? '' })
    return { login: node.login, type }
  }

  user(profile: Profile): void {
    if (!this.profiles.has(profile.login)) this.profiles.set(profile.login, profile)
  }

  /** Profiles of the given logins, for those that are User accounts. */
  of(logins: Iterable<string>): Record<string, Profile> {
    const chosen: Record<string, Profile> = {}
    for (const login of [...logins].sort()) {
      const profile = this.profiles.get(login)
      if (profile) chosen[login] = profile
    }
    return chosen
  }
}
