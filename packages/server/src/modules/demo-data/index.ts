export { seedDemo, seedPersons, type SeedSummary } from './demo-data.seed.ts';
export { seedDemoOperators } from './demo-data.operators.ts';
export { DEMO_MUNICIPALITIES, DEMO_PERSONS, DEMO_PERSONNEL, DEMO_OPERATORS, DEMO_UNITS } from './demo-data.ts';
