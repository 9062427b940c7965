import { Card, Empty, Typography } from 'antd';

/** Menu entries whose pages are not built yet. */
export function Placeholder({ title }: { title: string }) {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{title}</Typography.Title>
      <Card>
        <Empty description="该功能正在建设中，敬请期待" />
      </Card>
    </>
  );
}
