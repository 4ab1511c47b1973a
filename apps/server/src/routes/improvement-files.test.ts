import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImprovementAction, NonconformityDetail } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import {
  addOrganization,
  createUser,
  login,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { etag, withAction } from './improvement.fixtures.ts';

const ACTION = 'improvement_action';
const NC = 'nonconformity';

describeEachDatabase('evidence files of nonconformities and their actions', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager
  let actionOwner: Client; // staff: owns the action
  let otherStaff: Client; // staff: nothing to do with it
  let auditor: Client; // internal auditor: reads the register
  let otherOrg: Client; // admin of another organization
  let nc: NonconformityDetail;

  const action = () => nc.actions[0] as ImprovementAction;
  const list = (client: Client, type: string, id: string) =>
    client.get(`/api/v1/files?ownerType=${type}&ownerId=${id}`);
  const ids = (res: { json: () => { items: { id: string }[] } }) =>
    res.json().items.map((f) => f.id);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app, { organizationName: 'Org A' }));
    const owner = await createUser(manager, { roles: ['staff'] });
    actionOwner = await login(app, owner.email);
    otherStaff = await login(app, (await createUser(manager, { roles: ['staff'] })).email);
    auditor = await login(app, (await createUser(manager, { roles: ['internal_auditor'] })).email);
    otherOrg = (await addOrganization(app, { name: 'Org B' })).admin;
    nc = await withAction(manager, owner.user.id);
  });
  afterAll(() => app.close());

  it('lets the action owner and the manager attach evidence; readers list and download it', async () => {
    const byOwner = await attachFile(
      actionOwner,
      { type: ACTION, id: action().id },
      samples.pdf(),
      '手順書改訂.pdf',
    );
    expect(byOwner.owner).toEqual({ type: ACTION, id: action().id });
    expect(byOwner.uploadedBy?.id).toBe(actionOwner.user.id);
    const byManager = await attachFile(
      manager,
      { type: ACTION, id: action().id },
      samples.png(),
      'restore-test.png',
    );
    for (const reader of [manager, actionOwner, auditor]) {
      const res = await list(reader, ACTION, action().id);
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res).sort()).toEqual([byOwner.id, byManager.id].sort());
    }
    const download = await auditor.get(`/api/v1/files/${byOwner.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(samples.pdf())).toBe(true);
  });

  it('refuses evidence from those who may not implement the action, and reading to others', async () => {
    // A reader of the register may not act on someone else's action.
    const byAuditor = await uploadFile(
      auditor,
      { type: ACTION, id: action().id },
      samples.pdf(),
      'a.pdf',
    );
    expect(byAuditor.statusCode).toBe(403);
    // Staff who neither own nor act on the nonconformity do not see it at all.
    const byStaff = await uploadFile(
      otherStaff,
      { type: ACTION, id: action().id },
      samples.pdf(),
      'b.pdf',
    );
    expect(byStaff.statusCode).toBe(404);
    expect((await list(otherStaff, ACTION, action().id)).statusCode).toBe(404);
    const [file] = (await list(manager, ACTION, action().id)).json().items as { id: string }[];
    expect((await otherStaff.get(`/api/v1/files/${file!.id}/content`)).statusCode).toBe(404);
  });

  it('keeps nonconformity evidence for the manager to attach and its readers to read', async () => {
    const file = await attachFile(manager, { type: NC, id: nc.id }, samples.pdf(), 'log.pdf');
    // The action owner sees the nonconformity they act on, but does not manage it.
    expect(ids(await list(actionOwner, NC, nc.id))).toEqual([file.id]);
    expect(
      (await uploadFile(actionOwner, { type: NC, id: nc.id }, samples.pdf(), 'x.pdf')).statusCode,
    ).toBe(403);
    expect((await list(otherStaff, NC, nc.id)).statusCode).toBe(404);
  });

  it('freezes an action’s evidence once its effectiveness was reviewed', async () => {
    let res = await actionOwner.post(
      `/api/v1/improvement-actions/${action().id}/implementation`,
      { note: 'Owner named in the procedure', evidence: [] },
      etag(action()),
    );
    expect(res.statusCode, res.body).toBe(200);
    nc = res.json();
    // Evidence may still follow the implementation until the review.
    await attachFile(actionOwner, { type: ACTION, id: action().id }, samples.pdf(), 'late.pdf');
    res = await manager.post(
      `/api/v1/improvement-actions/${action().id}/review`,
      { effective: true, note: 'Restore tests ran' },
      etag(action()),
    );
    expect(res.statusCode, res.body).toBe(200);
    nc = res.json();
    const late = await uploadFile(
      manager,
      { type: ACTION, id: action().id },
      samples.pdf(),
      'c.pdf',
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('nc_action_reviewed');
    expect(ids(await list(auditor, ACTION, action().id))).toHaveLength(3);
  });

  it('isolates the files from other organizations', async () => {
    const [file] = (await list(manager, ACTION, action().id)).json().items as { id: string }[];
    expect((await list(otherOrg, ACTION, action().id)).statusCode).toBe(404);
    expect((await list(otherOrg, NC, nc.id)).statusCode).toBe(404);
    expect((await otherOrg.get(`/api/v1/files/${file!.id}`)).statusCode).toBe(404);
    expect((await otherOrg.get(`/api/v1/files/${file!.id}/content`)).statusCode).toBe(404);
    const upload = await uploadFile(otherOrg, { type: NC, id: nc.id }, samples.pdf(), 'd.pdf');
    expect(upload.statusCode).toBe(404);
  });
});
