/** The shape of the OCSF 1.8.0 Compliance Finding events Periscope emits (compliance-finding.ts). */

export type ActivityId = 1 | 2 | 3;
export type StatusId = 1 | 3 | 4;
export type ComplianceStatusId = 1 | 3;
export type SeverityId = 1 | 2 | 3 | 4 | 5;

export interface OcsfProduct {
  name: string;
  vendor_name: string;
  version: string;
  uid?: string;
}

export interface OcsfResource {
  uid: string;
  uid_alt: string;
  name: string;
  type: string;
  group: { name: string };
  labels: string[];
  data: { evidence: Record<string, unknown>; url?: string };
}

export interface OcsfComplianceFinding {
  activity_id: ActivityId;
  activity_name: string;
  category_uid: 2;
  category_name: 'Findings';
  class_uid: 2003;
  class_name: 'Compliance Finding';
  type_uid: number;
  type_name: string;
  severity_id: SeverityId;
  severity: string;
  status_id: StatusId;
  status: string;
  /** Epoch milliseconds (OCSF timestamp_t), never seconds. */
  time: number;
  message: string;
  metadata: {
    version: '1.8.0';
    uid: string;
    product: OcsfProduct;
    tenant_uid: string;
    correlation_uid?: string;
    event_code: string;
    log_name: string;
    sequence: number;
    profiles: string[];
  };
  finding_info: {
    uid: string;
    title: string;
    desc?: string;
    types: string[];
    created_time: number;
    first_seen_time: number;
    last_seen_time: number;
    modified_time: number;
    src_url?: string;
    analytic: { uid: string; name: string; type_id: 1; type: 'Rule' };
  };
  compliance: {
    control: string;
    standards: string[];
    requirements: string[];
    desc?: string;
    status_id: ComplianceStatusId;
    status: 'Pass' | 'Fail';
  };
  resources: OcsfResource[];
  cloud: {
    provider: string;
    account: { uid: string; name: string; type_id: 15 | 17 | 99; type: string };
  };
  remediation?: { desc: string; references: string[] };
  unmapped: { periscope: Record<string, unknown> };
}

/** Where a finding event sits in the OCSF finding life cycle. */
export interface OcsfLifecycle {
  activityId: ActivityId;
  activityName: 'Create' | 'Update' | 'Close';
  statusId: StatusId;
  statusName: 'New' | 'Suppressed' | 'Resolved';
  complianceStatusId: ComplianceStatusId;
  typeUid: number;
}
