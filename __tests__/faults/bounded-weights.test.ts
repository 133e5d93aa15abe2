// Scoring weights are checked with the config: finite and bounded, not found out late when writing a score.
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config/load.js'

describe('scoring.weights', () => {
  it.each([
    ['1e308', /scoring\.weights\.reviews: .*1e\+308|scoring\.weights\.reviews: .*1000000/],
    ['.inf', /scoring\.weights\.reviews: .*Infinity/]
  ])('refuses %s at config time, naming the key and line', (value, message) => {
    expect(() => parseConfig(`scoring:\n  weights:\n    reviews: ${value}\n`, 'electorate.yml')).toThrow(
      message
    )
    expect(() => parseConfig(`scoring:\n  weights:\n    reviews: ${value}\n`, 'electorate.yml')).toThrow(
      /electorate\.yml:3:/
    )
  })
})
