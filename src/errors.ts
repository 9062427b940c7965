// One error type for everything a user or integrator can be told. `code` is stable (clients may
// branch on it); `detail` is Chinese and says what to do. Mapped to problem+json in http/problem.ts.

export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '未认证',
  403: '无权操作',
  404: '未找到',
  409: '数据冲突',
  413: '请求过大',
  422: '无法处理',
  423: '资源被占用',
  429: '请求过于频繁',
  500: '系统内部错误',
  503: '服务暂不可用',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? '请求失败';
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: FieldError[];

  constructor(code: string, status: number, detail: string, errors?: FieldError[]) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.status = status;
    this.detail = detail;
    this.errors = errors;
  }
}

const SHOWN_IN_DETAIL = 5;

function validationDetail(errs: FieldError[]): string {
  if (!errs.length) return '请求内容不符合要求，请按提示修改后重试。';
  const shown = errs.slice(0, SHOWN_IN_DETAIL).map((e) => e.message.replace(/[。.]$/, '')).join('；');
  return `请求内容不符合要求：${shown}${errs.length > SHOWN_IN_DETAIL ? `（共 ${errs.length} 处，详见 errors）` : ''}。`;
}

// The common cases, so call sites read as sentences and codes stay consistent.
export const errors = {
  // the detail says what is wrong (a clerk reads the detail, programs read `errors`)
  validation: (errs: FieldError[], detail = validationDetail(errs)) =>
    new AppError('VALIDATION_FAILED', 400, detail, errs),
  badRequest: (code: string, detail: string) => new AppError(code, 400, detail),
  unauthenticated: (detail = '请提供有效的 API 密钥（Authorization: Bearer …）或先登录。') =>
    new AppError('UNAUTHENTICATED', 401, detail),
  forbidden: (detail = '当前账号的角色或所属部门无权执行此操作。') => new AppError('FORBIDDEN', 403, detail),
  notFound: (what: string) => new AppError('NOT_FOUND', 404, `未找到${what}，或您无权查看。`),
  conflict: (code: string, detail: string) => new AppError(code, 409, detail),
  unavailable: (detail: string) => new AppError('SERVICE_UNAVAILABLE', 503, detail),
};
