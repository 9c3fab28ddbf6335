import type { Widen } from './widen.ts';
import type { ploAlertsNb } from './plo-alerts.nb.ts';

/** English: alerts in the message console (issue 14). */
export const ploAlertsEn: Widen<typeof ploAlertsNb> = {
  ploAlerts: {
    title: 'Message alerts',
    link_one: 'Alerts ({{count}} open)',
    link_other: 'Alerts ({{count}} open)',
    lead: 'Alerts about messages your services sent: a missing or negative receipt, a delivery that failed. Acknowledge an alert when you take it on, and close it with a note on what was done.',
    emailTo: 'Alerts are also e-mailed to the message-responsible address: {{name}} ({{email}}).',
    noEmail:
      'Your organisation has no message-responsible e-mail address in the address register. Ask the operator to add it.',
    back: 'Back to the messages',
    backToList: 'Back to the alerts',
    show: 'Show',
    active: 'Open',
    closed: 'Closed',
    counts: '{{open}} not acknowledged, {{acknowledged}} acknowledged',
    empty: 'No open alerts.',
    emptyClosed: 'No closed alerts.',
    caption: 'Alerts, the most serious and newest first',
    when: 'Raised',
    kindColumn: 'Alert',
    messageColumn: 'Message',
    stateColumn: 'Status',
    open: 'Open the alert',
    severity: { critical: 'Serious', warning: 'Warning' },
    state: { open: 'Not acknowledged', acknowledged: 'Acknowledged', closed: 'Closed' },
    kinds: {
      apprec_missing: 'No receipt after {{hours}} hours',
      apprec_timeout: 'No receipt after 96 hours – counts as rejected',
      apprec_negative: 'Rejected by the receiver (negative receipt)',
      delivery_failed: 'Could not be delivered',
      partner_silent: 'No messages from {{partner}} for {{hours}} office hours',
    },
    todo: {
      apprec_missing:
        'The receiver has not sent an application receipt. Check whether the receiver has an outage, and contact their message-responsible person if it drags on. After 96 hours the message counts as rejected.',
      apprec_timeout:
        'By the standard the message counts as rejected. Contact the receiver (phone, or e-mail to their message-responsible address) and find out whether they have it. Send the information again as a new message, or another way if it is urgent.',
      apprec_negative:
        'The receiver rejected the message. Correct what the code shows and send a new message (it gets a new MsgId).',
      delivery_failed:
        'The message did not reach the receiver. Check the address register and whether the receiver is down, and ask the operator to send it again when the fault is fixed. If it is urgent, phone.',
      partner_silent:
        'The partner has sent no messages during office hours for a while, although it usually does. Check whether the partner has operational problems, and contact its message-responsible address. The partner has been e-mailed about the alert.',
    },
    todoTitle: 'What to do',
    errorsTitle: 'Errors from the receiver (code list 8221)',
    errors: {
      E21: 'The receiver does not exist at their end: check the service in the address register.',
      E35: "The patient is not in the receiver's system: check the identity number and name.",
      E36: 'The patient details are not enough to identify the patient.',
      T02: 'The message does not validate against the schema.',
      T10: 'The receiver does not support the message type or version.',
    },
    details: 'About the alert',
    service: 'Service',
    partner: 'Partner',
    message: 'Message',
    silentSince: 'Last message from the partner',
    messageStatus: "The message's status now",
    openMessage: 'Open the message',
    acknowledgedBy: 'Acknowledged by {{name}} {{at}}',
    closedBy: 'Closed by {{name}} {{at}}',
    note: 'Note',
    email: 'E-mail to the message-responsible address',
    emailState: { queued: 'Waiting to be sent', sent: 'Sent {{at}}', no_address: 'No address registered' },
    acknowledge: 'Acknowledge',
    acknowledged: 'The alert is acknowledged.',
    closeTitle: 'Close the alert',
    closeNote: 'Note: what was done?',
    closeHint: 'Required. Write no more about the patient than needed.',
    noteRequired: 'Write a note on what was done.',
    close: 'Close the alert',
    closedDone: 'The alert is closed.',
    problems: {
      alert_closed: 'The alert is closed already.',
      alert_already_acknowledged: 'The alert is acknowledged already.',
      alert_not_found: 'The alert was not found.',
      not_your_alert: 'The alert belongs to another organisation.',
    },
  },
};
