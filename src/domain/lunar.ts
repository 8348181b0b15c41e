/**
 * The Vietnamese lunar calendar (âm lịch), enough to find Tết and Giỗ Tổ Hùng Vương of a year.
 * Astronomical new moons and solar terms at UTC+7, after Hồ Ngọc Đức's published algorithm
 * ("Âm lịch Việt Nam", 2004), itself after Meeus, "Astronomical Algorithms". Pure arithmetic.
 */
import type { IsoDate } from './periods.js';

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
const DR = Math.PI / 180;

function julianDay(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

function isoFromJulianDay(jd: number): IsoDate {
  // 2440588 is 1970-01-01.
  return new Date((jd - 2440588) * 86_400_000).toISOString().slice(0, 10);
}

/** Julian day (fractional) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DR);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DR) + 0.0021 * Math.sin(2 * DR * m);
  c1 += -0.4068 * Math.sin(mpr * DR) + 0.0161 * Math.sin(DR * 2 * mpr) - 0.0004 * Math.sin(DR * 3 * mpr);
  c1 += 0.0104 * Math.sin(DR * 2 * f) - 0.0051 * Math.sin(DR * (m + mpr));
  c1 += -0.0074 * Math.sin(DR * (m - mpr)) + 0.0004 * Math.sin(DR * (2 * f + m));
  c1 += -0.0004 * Math.sin(DR * (2 * f - m)) - 0.0006 * Math.sin(DR * (2 * f + mpr));
  c1 += 0.001 * Math.sin(DR * (2 * f - mpr)) + 0.0005 * Math.sin(DR * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c1 - deltaT;
}

function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Sun's longitude at local midnight starting `dayNumber`, as the index 0–11 of its 30° sector. */
function sunSector(dayNumber: number): number {
  const t = (dayNumber - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const dl =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DR * m) +
    (0.019993 - 0.000101 * t) * Math.sin(DR * 2 * m) +
    0.00029 * Math.sin(DR * 3 * m);
  let l = (l0 + dl) * DR;
  l -= Math.PI * 2 * Math.floor(l / (Math.PI * 2));
  return Math.floor((l / Math.PI) * 6);
}

/** First day of the 11th lunar month (the one holding the winter solstice) of `year`. */
function month11(year: number): number {
  const k = Math.floor((julianDay(31, 12, year) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The solar date of a (non-leap) lunar day: lunarToSolar(1, 1, 2026) = "2026-02-17" (Tết Bính Ngọ). */
export function lunarToSolar(day: number, month: number, year: number): IsoDate {
  const a11 = month < 11 ? month11(year - 1) : month11(year);
  const b11 = month < 11 ? month11(year) : month11(year + 1);
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11)) offset += 1;
  return isoFromJulianDay(newMoonDay(k + offset) + day - 1);
}
