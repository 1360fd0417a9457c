import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentInfo } from '../api/types';
import { ME, makeAssessment, mockFetch, renderRoute } from '../test/utils';
import { DocumentsPage } from './DocumentsPage';

/** A stand-in for XMLHttpRequest that the test drives by hand. */
class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number) {
    this.status = status;
    act(() => this.onload?.());
  }
}

const UPLOADED: DocumentInfo = {
  id: 'd1',
  fileName: 'board-pack.pdf',
  contentType: 'application/pdf',
  size: 2048,
  domain: 'financial-management',
  status: 'uploaded',
  createdAt: '2025-06-02T10:00:00.000Z',
};

function setup() {
  FakeXhr.instances = [];
  Object.assign(globalThis, { XMLHttpRequest: FakeXhr });
  const calls = mockFetch([
    { method: 'GET', path: '/api/me', respond: () => ({ body: ME }) },
    { method: 'GET', path: '/api/assessments/a1', respond: () => ({ body: makeAssessment() }) },
    {
      method: 'POST',
      path: '/api/assessments/a1/documents',
      respond: () => ({
        status: 201,
        body: {
          documentId: 'd1',
          uploadUrl: 'http://objects.local/bucket/d1?X-Amz-Signature=abc',
          headers: { 'Content-Type': 'application/pdf', 'Content-Length': '2048' },
        },
      }),
    },
    {
      method: 'POST',
      path: '/api/assessments/a1/documents/d1/complete',
      respond: () => ({ body: { document: UPLOADED } }),
    },
  ]);
  const user = userEvent.setup();
  renderRoute(<DocumentsPage />, { path: '/assessments/:id/documents', url: '/assessments/a1/documents' });
  return { calls, user };
}

function file(name: string, type: string, size = 2048): File {
  const f = new File(['x'.repeat(16)], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('Document upload widget', () => {
  it('uploads a file: presigned PUT with a progress bar that advances, then confirms', async () => {
    const { calls, user } = setup();
    await screen.findByRole('heading', { name: 'Add documents' });

    await user.selectOptions(
      screen.getByRole('combobox', { name: /Related domain/ }),
      'financial-management',
    );
    await user.upload(screen.getByLabelText('Files to upload'), file('board-pack.pdf', 'application/pdf'));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));

    const create = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/assessments/a1/documents'));
    expect(create?.body).toEqual({
      fileName: 'board-pack.pdf',
      contentType: 'application/pdf',
      size: 2048,
      domain: 'financial-management',
    });
    const xhr = FakeXhr.instances[0];
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('http://objects.local/bucket/d1?X-Amz-Signature=abc');
    // The returned headers are sent, except those the browser forbids scripts to set.
    expect(xhr.headers).toEqual({ 'Content-Type': 'application/pdf' });

    const bar = screen.getByRole('progressbar', { name: 'Upload of board-pack.pdf' });
    xhr.progress(25, 100);
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    xhr.progress(80, 100);
    expect(bar).toHaveAttribute('aria-valuenow', '80');
    expect(screen.getByText('Uploading 80%')).toBeInTheDocument();

    expect(calls.some((c) => c.url.endsWith('/complete'))).toBe(false);
    xhr.respond(200);
    expect(await screen.findByText('✓ Uploaded')).toBeInTheDocument();
    expect(calls.filter((c) => c.url.endsWith('/documents/d1/complete'))).toHaveLength(1);
    expect(screen.queryByRole('progressbar', { name: 'Upload of board-pack.pdf' })).not.toBeInTheDocument();

    // The confirmed document joins the list.
    const table = screen.getByRole('table');
    expect(within(table).getByRole('link', { name: 'board-pack.pdf' })).toBeInTheDocument();
    expect(within(table).getByText('Financial Management & Capital Efficiency')).toBeInTheDocument();
  });

  it('rejects a file of the wrong type or over 10 MB with an error, and never uploads it', async () => {
    const { calls } = setup();
    await screen.findByRole('heading', { name: 'Add documents' });
    const dropzone = screen.getByTestId('dropzone');

    fireEvent.drop(dropzone, {
      dataTransfer: {
        files: [
          file('installer.exe', 'application/x-msdownload'),
          file('huge.pdf', 'application/pdf', 11 * 1024 * 1024),
        ],
      },
    });

    const alerts = await screen.findAllByRole('alert');
    const texts = alerts.map((a) => a.textContent);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Not uploaded: This file type is not accepted. Use PDF, Word, Excel, CSV, PNG or JPEG.',
        'Not uploaded: This file is larger than 10 MB.',
      ]),
    );
    expect(screen.getByText('installer.exe')).toBeInTheDocument();
    expect(screen.getByText('huge.pdf')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(FakeXhr.instances).toHaveLength(0);
  });

  it('shows a failed transfer with Retry', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { name: 'Add documents' });
    await user.upload(screen.getByLabelText('Files to upload'), file('plan.xlsx', ''));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    expect(screen.getByRole('progressbar', { name: 'Upload of plan.xlsx' })).toBeInTheDocument();
    act(() => FakeXhr.instances[0].onerror?.());
    expect(await screen.findByText(/Upload failed: The upload was interrupted/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(2));
    FakeXhr.instances[1].respond(200);
    expect(await screen.findByText('✓ Uploaded')).toBeInTheDocument();
  });
});
