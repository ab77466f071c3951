/** Instants Postgres stores and JavaScript reads alike: years 1 to 9999, in UTC. NaN (an Invalid Date) is neither. */
const EARLIEST = -62_135_596_800_000; // 0001-01-01T00:00:00.000Z
const LATEST = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

export const isStorableInstant = (date: Date) => date.getTime() >= EARLIEST && date.getTime() <= LATEST;
