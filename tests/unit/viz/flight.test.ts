import { describe, expect, it } from 'vitest';
import { SCENE_DEFAULTS, flightAfter } from '../../../viz/src/scene.ts';

describe('an expansion’s flight', () => {
  it('ends the flight’s time after it was prepared for, whatever part of it the styling took', () => {
    expect(flightAfter(0)).toBe(SCENE_DEFAULTS.animateMs);
    // A styling that leaves more than the shortest flight.
    const quick = (SCENE_DEFAULTS.animateMs - SCENE_DEFAULTS.shortestFlight) / 2;
    expect(quick + flightAfter(quick)).toBe(SCENE_DEFAULTS.animateMs);
  });

  it('still flies long enough to be seen after a long preparation', () => {
    expect(flightAfter(SCENE_DEFAULTS.animateMs)).toBe(SCENE_DEFAULTS.shortestFlight);
    expect(flightAfter(10_000)).toBe(SCENE_DEFAULTS.shortestFlight);
    expect(SCENE_DEFAULTS.shortestFlight).toBeGreaterThan(0);
  });

  it('lands sooner when the answer came late, never in a flight too short to be seen', () => {
    const prepared = 20;
    // Between the shortest flight and the one there would be time for.
    const left = (SCENE_DEFAULTS.shortestFlight + SCENE_DEFAULTS.animateMs - prepared) / 2;
    expect(flightAfter(prepared, left)).toBe(left);
    expect(flightAfter(prepared, left)).toBeLessThan(flightAfter(prepared));
    expect(flightAfter(prepared, 0)).toBe(SCENE_DEFAULTS.shortestFlight);
    expect(flightAfter(prepared, -100)).toBe(SCENE_DEFAULTS.shortestFlight);
  });

  it('does not lengthen the flight when there is time to spare', () => {
    expect(flightAfter(30, 10_000)).toBe(flightAfter(30));
  });
});
