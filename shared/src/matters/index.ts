/** 事项目录 (matter catalogue): definitions, field schemas, materials rule, batch-file reading. */
export * from './types';
export * from './common';
export * from './fields';
export * from './materials';
export * from './batch';
export * from './staff';
export * from './info-change';
export * from './contributions';
export * from './catalogue';
