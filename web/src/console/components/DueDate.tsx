import { Space, Tag, Typography } from 'antd';

/**
 * A deadline (working days are counted by the server on the Chinese calendar): the date, and a red
 * 逾期 tag once it has passed.
 */
export function DueDate({ on, overdue, done }: { on: string | null | undefined; overdue?: boolean; done?: boolean }) {
  if (!on) return <>—</>;
  if (done) return <Typography.Text type="secondary">{on}</Typography.Text>;
  return overdue ? (
    <Space size={4} data-testid="overdue">
      <Typography.Text type="danger">{on}</Typography.Text>
      <Tag color="red">逾期</Tag>
    </Space>
  ) : <span>{on}</span>;
}
