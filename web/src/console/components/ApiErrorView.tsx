import { Alert, Button, Result } from 'antd';
import { ApiError, errorMessage } from '../../shared/api.js';

/**
 * Shows why the API refused or failed. A 403 shows the API's own explanation (the API decides who
 * may see what; the console never guesses), anything else an error with a retry.
 */
export function ApiErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={error.message}
        data-testid="forbidden"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={onRetry && <Button size="small" onClick={onRetry}>重试</Button>}
    />
  );
}
