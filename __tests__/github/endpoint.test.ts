import { describe, expect, it } from 'vitest'
import { endpointWarning, resolveGraphqlUrl } from '../../src/github/endpoint.js'
import { optionsFromInputs } from '../../src/inputs.js'

const none = { given: undefined, graphqlUrl: undefined, apiUrl: undefined }

describe('the GraphQL endpoint', () => {
  it('is GitHub.com when nothing names another', () => {
    expect(resolveGraphqlUrl(none)).toBe('https://api.github.com/graphql')
    expect(resolveGraphqlUrl({ given: ' ', graphqlUrl: '', apiUrl: '' })).toBe(
      'https://api.github.com/graphql'
    )
  })

  it('is derived from GITHUB_API_URL as Octokit derives it', () => {
    expect(resolveGraphqlUrl({ ...none, apiUrl: 'https://ghe.example.com/api/v3' })).toBe(
      'https://ghe.example.com/api/graphql'
    )
    expect(resolveGraphqlUrl({ ...none, apiUrl: 'https://ghe.example.com/api/v3/' })).toBe(
      'https://ghe.example.com/api/graphql'
    )
    expect(resolveGraphqlUrl({ ...none, apiUrl: 'https://api.github.com' })).toBe(
      'https://api.github.com/graphql'
    )
    // GitHub Enterprise Cloud with data residency: the API has a host of its own, not /api/v3.
    expect(resolveGraphqlUrl({ ...none, apiUrl: 'https://api.octo.ghe.com' })).toBe(
      'https://api.octo.ghe.com/graphql'
    )
  })

  it('takes GITHUB_GRAPHQL_URL over GITHUB_API_URL, and graphql-url over both', () => {
    const runner = {
      graphqlUrl: 'https://ghe.example.com/api/graphql',
      apiUrl: 'https://other.example.com/api/v3'
    }
    expect(resolveGraphqlUrl({ given: undefined, ...runner })).toBe('https://ghe.example.com/api/graphql')
    expect(resolveGraphqlUrl({ given: ' https://mine.example.com/graphql ', ...runner })).toBe(
      'https://mine.example.com/graphql'
    )
  })

  it('warns when it is neither api.github.com nor the runner’s own endpoint', () => {
    expect(endpointWarning('https://api.github.com/graphql', undefined)).toBeUndefined()
    expect(
      endpointWarning('https://ghe.example.com/api/graphql', 'https://ghe.example.com/api/graphql')
    ).toBeUndefined()
    expect(
      endpointWarning('https://evil.example.com/graphql', 'https://ghe.example.com/api/graphql')
    ).toMatch(/sending the token to https:\/\/evil\.example\.com\/graphql/)
    expect(endpointWarning('https://ghe.example.com/api/graphql', undefined)).toMatch(
      /neither api\.github\.com/
    )
  })

  it('reaches the options of both entries, with the warning for a gathering run', () => {
    const options = optionsFromInputs(
      { organization: 'kata' },
      {
        token: 't',
        workspace: process.cwd(),
        includeEmailsAuto: false,
        graphqlUrlFromEnv: undefined,
        apiUrlFromEnv: 'https://ghe.example.com/api/v3',
        now: new Date()
      }
    )
    expect(options.graphqlUrl).toBe('https://ghe.example.com/api/graphql')
    expect(options.endpointWarning).toMatch(/ghe\.example\.com/)
  })

  it('warns in a re-score only when a token goes out: with one, the named accounts are looked up', () => {
    const context = (token: string | undefined) => ({
      token,
      workspace: process.cwd(),
      includeEmailsAuto: false,
      graphqlUrlFromEnv: undefined,
      apiUrlFromEnv: undefined,
      now: new Date()
    })
    const raw = { records: ['r.jsonl.gz'], 'graphql-url': 'https://evil.example.com/graphql' }
    expect(optionsFromInputs(raw, context('t')).endpointWarning).toMatch(/sending the token/)
    expect(optionsFromInputs(raw, context(undefined)).endpointWarning).toBeUndefined()
  })
})
