/**
 * The municipality's organisation: its service units and the staff who work in them. Today it owns the one unit
 * access check every unit-side use case starts with; onboarding and administration (issue 12) grow here.
 */
export {
  requireUnitStaff,
  unitsOfStaff,
  type PersonnelRole,
  type UnitAccess,
  type UnitAccessOptions,
  type UnitActor,
  type UnitRow,
} from './unit-access.ts';
