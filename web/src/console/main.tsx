import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// antd's date pickers use dayjs (antd's own dependency): Chinese month and weekday names.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ConsoleApp } from './ConsoleApp.js';
import './console.css';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('#root missing');
createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
