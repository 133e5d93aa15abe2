// Who did something: `__typename` tells Bots apart, and a User's public name and email come along
// inline so that profiles never need separate lookups.
export const ACTOR_FIELDS = /* GraphQL */ `
  fragment ActorFields on Actor {
    __typename
    login
    ... on User {
      name
      email
    }
  }
`
