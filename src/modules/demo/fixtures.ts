// Demo data loaded by `xinyong serve --demo` / `xinyong demo` into an empty database.
// All identifiers are synthetic but pass their check characters; the names are invented.

export const DEMO_PASSWORD = 'Xinyong@2026';

// The platform's own department (the credit office) is created by the first migration run, not here.
export const DEMO_DEPARTMENTS = [
  { code: '11410000005000122P', name: '河南省市场监督管理局', regionCode: '410000', roles: ['provider', 'initiating'] },
  { code: '11410000005000130J', name: '河南省税务局', regionCode: '410000', roles: ['provider', 'initiating', 'implementing'] },
  { code: '11410000005000149F', name: '河南省财政厅', regionCode: '410000', roles: ['implementing'] },
] as const;

export const DEMO_ORG = {
  uscc: '91410100MA3X5K7Q1U',
  name: '郑州豫信科技有限公司',
  regionCode: '410100',
} as const;

export const DEMO_ORGS = [
  DEMO_ORG,
  { uscc: '91410105MA9G8T2B3X', name: '河南中原华盛建筑工程有限公司', regionCode: '410105' },
  { uscc: '124100004150012322', name: '河南省信用信息中心', regionCode: '410000' },
  { uscc: '92410102MA4F6L3H68', name: '郑州市中原区老张烩面馆', regionCode: '410102' },
] as const;

export const DEMO_PERSONS = [
  { idNumber: '410105198001011239', name: '王建国' },
  { idNumber: '410302197512124566', name: '李秀兰' },
] as const;
