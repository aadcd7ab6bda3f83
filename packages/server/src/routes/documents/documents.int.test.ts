import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiCaller, expectStatus } from '../../testing/api-client.js';
import { miniPack } from '../../testing/mini-pack.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  userPassword,
} from '../../testing/test-app.js';
import { describeEachDialect } from '../../testing/test-database.js';

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, content: Buffer | string, contentType = 'application/octet-stream') {
  const boundary = `----ferry${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

await describeEachDialect('documents', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let writer: ApiCaller;

  const upload = (name: string, content: Buffer | string, caller = writer) => {
    const { payload, headers } = multipart(name, content);
    return caller.request('POST', `/api/projects/${projectId}/documents`, payload, headers);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      packs: new Map([['mini', miniPack()]]),
      config: { uploads: { maxBytes: 4096 } },
    });
    org = await seedOrganisation(t.app, 'docs');
    projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Docs', pack: 'mini' }),
      201,
    ).id;
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'dq@docs.test',
        displayName: 'DQ',
        password: userPassword,
        roles: ['dq_lead'],
      }),
      201,
    );
    writer = await ApiCaller.login(t.app, 'dq@docs.test', userPassword);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uploads, lists and downloads a document, audited', async () => {
    const markdown =
      '# Cutover plan\n\nSee [runbook](https://example.nhs.uk/runbook).\n\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n';
    const doc = expectStatus(await upload('cutover-plan.md', markdown), 201);
    expect(doc).toMatchObject({
      fileName: 'cutover-plan.md',
      contentType: 'text/markdown; charset=utf-8',
      bytes: Buffer.byteLength(markdown),
    });
    expect(expectStatus(await writer.get(`/api/projects/${projectId}/documents`), 200)).toEqual([doc]);
    const download = await writer.get(`/api/documents/${doc.id}`);
    expect(download.body).toBe(markdown);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="document.md"; filename*=UTF-8''cutover-plan.md`,
    );
    const html = expectStatus(await writer.get(`/api/documents/${doc.id}/html`), 200).html;
    expect(html).toContain('<h1>Cutover plan</h1>');
    expect(html).toContain(
      '<a href="https://example.nhs.uk/runbook" rel="noopener noreferrer" target="_blank">runbook</a>',
    );
    expect(html).not.toMatch(/<script|onerror|<img/);
    const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=document.*`), 200);
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['document.download', 'document.upload']);
  });

  it('refuses names that could leave the folder, types not accepted, content that is not its type, and oversized files', async () => {
    for (const name of ['../../x.md', '..\\x.md', 'a/b.md', '.env', 'run.exe', 'noextension']) {
      const res = await upload(name, 'text');
      expect({ name, status: res.statusCode, code: res.json().error.code }).toEqual({
        name,
        status: 400,
        code: 'FERRY_ERR_INPUT',
      });
    }
    expect((await upload('scan.pdf', 'not a pdf')).json().error.message).toBe(
      'field file: The content is not a pdf file',
    );
    expect((await upload('notes.txt', Buffer.from([0xff, 0xfe, 0x00]))).statusCode).toBe(400);
    const big = await upload('big.txt', 'x'.repeat(5000));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('FERRY_ERR_PAYLOAD_TOO_LARGE');
    expect(expectStatus(await writer.get(`/api/projects/${projectId}/documents`), 200)).toHaveLength(1);
  });

  it('lets a viewer read but not upload or delete, and deletes for a writer', async () => {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'viewer@docs.test',
        displayName: 'V',
        password: userPassword,
        roles: ['viewer'],
      }),
      201,
    );
    const viewer = await ApiCaller.login(t.app, 'viewer@docs.test', userPassword);
    const [doc] = expectStatus(await viewer.get(`/api/projects/${projectId}/documents`), 200);
    expect((await upload('x.md', '# x', viewer)).statusCode).toBe(403);
    expect((await viewer.delete(`/api/documents/${doc.id}`)).statusCode).toBe(403);
    expectStatus(await writer.delete(`/api/documents/${doc.id}`), 200);
    expect((await writer.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
  });
});
