/**
 * @shebao/shared — the domain vocabulary of 掌上社保 shared by the BFF and the mini-program.
 * Pure TypeScript: no I/O, no clock or randomness of its own (pass `now` and random bytes in).
 */
export * from './codes/table';
export * from './codes/insurance';
export * from './codes/status';
export * from './codes/reasons';
export * from './codes/person';
export * from './codes/person-info';
export * from './codes/regions';
export * from './codes/certificates';
export * from './rules';
export * from './money';
export * from './capital';
export * from './period';
export * from './contribution';
export * from './interest';
export * from './serial';
export * from './mask';
export * from './validate/id-card';
export * from './validate/uscc';
export * from './validate/contact';
export * from './validate/pin';
export * from './api/index';
export * from './matters/index';
