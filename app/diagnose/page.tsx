import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { DiagnoseView } from '@/components/diagnose/DiagnoseView';

export const metadata: Metadata = {
  title: 'Diagnose an error',
  description: 'Paste an Apache error_log line, an OpenSSL error, a browser error or curl output: get the cause, the evidence and the fix. Nothing leaves your browser.',
};

export default function DiagnosePage() {
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Diagnose' }]} />
      <h1 className="mb-4 text-3xl font-bold tracking-tight">Diagnose an error</h1>
      <DiagnoseView autoFocus />
    </>
  );
}
