import { Drawer, Space, Spin } from 'antd';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import type { BatchDetail } from '../../types-collection.js';
import { useApi } from '../../useApi.js';
import { BatchCounts, BatchFacts, BatchNotices, RejectsTable } from './BatchSummary.js';

/** 批次详情 (GET /collection/batches/{id}): counts, rejected rows with reasons, the Excel download. 404 for another department's batch. */
export function BatchDrawer({ id, typeNames, onClose }: { id: string | null; typeNames: Map<string, string>; onClose: () => void }) {
  const { data, error, loading, reload } = useApi<BatchDetail>(id ? `/collection/batches/${encodeURIComponent(id)}` : null);
  const batch = data && data.batchId === id ? data : undefined;
  return (
    <Drawer title={batch ? `导入批次 · ${batch.fileName}` : '导入批次'} open={id !== null} size={860} onClose={onClose} destroyOnHidden>
      {error ? <ApiErrorView error={error} onRetry={reload} /> : !batch ? (
        <Spin spinning={loading} description="正在加载……"><div style={{ minHeight: 160 }} /></Spin>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <BatchCounts batch={batch} />
          <BatchNotices batch={batch} />
          <BatchFacts batch={batch} typeName={typeNames.get(batch.infoType)} />
          <RejectsTable batch={batch} />
        </Space>
      )}
    </Drawer>
  );
}
