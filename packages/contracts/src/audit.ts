/**
 * Every action the audit log records, as a closed list: the server's `recordAudit` accepts only these, and the
 * web's access-log texts are typed `Record<AuditAction, string>` per language, so a new action does not compile
 * until a citizen can read what it means in bokmål, nynorsk and English (Normen: the person's right to see who
 * has accessed their health data, pasientjournalloven § 18).
 */
export const AUDIT_ACTIONS = [
  // Session and self-service
  'session.create',
  'session.end',
  'profile.read',
  'health_contacts.read',
  'access_log.read',
  'notification_preferences.read',
  'notification_preferences.update',
  'notification.send',
  'krr.contact_details.read',
  // Representation
  'representation.choices',
  'representation.switch',
  'representation.use',
  'fullmakt.give',
  'fullmakt.replace',
  'fullmakt.end',
  'fullmakt.list',
  // Personnel
  'staff.citizens.list',
  'staff.citizen.read',
  'emergency_access.grant',
  'care_relation.create',
  'care_relation.end',
  'care_relation.list',
  // Dialog
  'dialog.units.read',
  'dialog.conversations.list',
  'dialog.conversation.start',
  'dialog.conversation.read',
  'dialog.conversation.assign',
  'dialog.conversation.close',
  'dialog.message.send',
  'dialog.attachment.read',
  'dialog.inbox.list',
  'service_unit.settings.update',
  // Appointments and home visits
  'appointment.list',
  'appointment.read',
  'appointment.calendar',
  'appointment.book',
  'appointment.create',
  'appointment.update',
  'appointment.move',
  'appointment.cancel',
  'appointment.outcome',
  'appointment.new_time_request',
  'appointment_request.list',
  'appointment_request.decide',
  'appointment_schedule.create',
  'appointment_schedule.update',
  'appointment_slot.create',
  'completed_visit.create',
  'completed_visit.list',
  'visit_notice_preference.read',
  'visit_notice_preference.update',
  'staff_names.set',
  // PLO messages
  'plo_message.receive',
  'plo_message.duplicate',
  'plo_message.read',
  'plo_message.raw_read',
  'plo_message.handle',
  'plo_message.answer',
  'plo_message.send',
  'plo_message.send_duplicate',
  'plo_message.status_read',
  'plo_inbox.read',
  'plo_apprec.receive',
  'plo_console.access',
  'plo_credential.issue',
  'plo_credential.set_outgoing',
  // EPJ integration
  'epj.authenticate',
  'epj.events.read',
  // Organisations: municipalities, units, staff and EPJ systems
  'municipality.create',
  'municipality.list',
  'municipality.read',
  'municipality.administrator.add',
  'epj_product.create',
  'service_unit.create',
  'service_unit.update',
  'service_unit.close',
  'staff.list',
  'staff.create',
  'staff.update',
  'staff.end',
  'epj_system.set',
  'epj_client.create',
  'epj_client.rotate',
  'epj_client.revoke',
  // Operations
  'job.retry',
  'address_register.import',
  'population_register.import',
  'address_register.export',
  'seed.demo',
  // The audit log's own tests write entries no module writes.
  'test.step',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Why data was accessed (the `purpose` of an audit entry). */
export const AUDIT_PURPOSES = [
  'self_service',
  'representation',
  'health_care',
  'emergency',
  'plo_messaging',
  'epj_integration',
  'operations',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];
