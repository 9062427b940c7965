// Runs a one-click write (接收, 确认, 受理…) and tells the user how it went: the API's `detail` on failure.
import type { App } from 'antd';
import { errorMessage } from '../shared/api.js';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

export async function runAction(message: MessageInstance, action: () => Promise<unknown>, success: string): Promise<boolean> {
  try {
    await action();
    message.success(success);
    return true;
  } catch (error) {
    message.error(errorMessage(error));
    return false;
  }
}

/** YYYY-MM-DD of a date picker's value (a dayjs object), or undefined. */
export function isoDate(value: { format(pattern: string): string } | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}
