import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's title (h3) with its actions on the right. */
export function PageHeader({ title, extra, description }: { title: string; extra?: ReactNode; description?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra}
      </Flex>
      {description && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{description}</Typography.Paragraph>}
    </div>
  );
}
