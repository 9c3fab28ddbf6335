export { recordEpjEvent, type EpjEventInput, type EpjEventKind, type EpjEventKinds } from './events.ts';
