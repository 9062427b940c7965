import { Button, Flex, Space } from 'antd';

/** Previous / next for offset lists whose total the API does not count. */
export function Pager({ page, hasMore, loading, onChange }: { page: number; hasMore: boolean; loading?: boolean; onChange: (page: number) => void }) {
  if (page === 1 && !hasMore) return null;
  return (
    <Flex justify="flex-end" style={{ marginTop: 16 }}>
      <Space>
        <span style={{ color: '#595959' }}>第 {page} 页</span>
        <Button disabled={page === 1 || loading} onClick={() => onChange(page - 1)}>上一页</Button>
        <Button disabled={!hasMore || loading} onClick={() => onChange(page + 1)}>下一页</Button>
      </Space>
    </Flex>
  );
}
