import { describe, expect, it } from 'vitest';
import { SCENE_DEFAULTS, flightAfter } from '../../../viz/src/scene.ts';

describe('an expansion’s flight', () => {
  it('ends the flight’s time after it was prepared for, whatever part of it the styling took', () => {
    expect(flightAfter(0)).toBe(SCENE_DEFAULTS.animateMs);
    expect(40 + flightAfter(40)).toBe(SCENE_DEFAULTS.animateMs);
  });

  it('still flies long enough to be seen after a long preparation', () => {
    expect(flightAfter(SCENE_DEFAULTS.animateMs)).toBe(SCENE_DEFAULTS.shortestFlight);
    expect(flightAfter(10_000)).toBe(SCENE_DEFAULTS.shortestFlight);
    expect(SCENE_DEFAULTS.shortestFlight).toBeGreaterThan(0);
  });
});
