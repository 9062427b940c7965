import { Button, Result } from 'antd';
import { navigate } from '../../shared/router.js';

export function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<Button type="primary" onClick={() => navigate('/console/')}>返回工作台</Button>}
    />
  );
}
