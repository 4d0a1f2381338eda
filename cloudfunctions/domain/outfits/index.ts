/**
 * Outfits (今日穿搭, 搭配这件) and what they need: so far the offline weather. Pure: no I/O, no
 * clock — the caller passes the date. Types shared with the function and the app are in
 * contract/outfits.
 */
export { type DayTemperature, temperatureFor } from './weather';
