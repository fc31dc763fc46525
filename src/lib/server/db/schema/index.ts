export * from './rounds';
export * from './conferences';
