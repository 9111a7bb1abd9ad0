import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../demo-people';
import { SANDBOX_NETCORE_API_KEY } from '../demo-staff';
import { createNetcoreSimulators, formatNetcoreActivityDate } from '.';

const NOW = new Date('2024-06-15T12:00:00Z');
const KEY = SANDBOX_NETCORE_API_KEY;
const API = `http://sandbox.test/sandbox/netcore-api/apiv2`;
const exportQuery = `?type=export_data&activity=get_user_channel_activity_data&apikey=${KEY}`;

function sims() {
  return createNetcoreSimulators({ now: () => NOW });
}

async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

const dataOf = (o: Record<string, string>) => JSON.stringify(o);
const ana = { primary_key: 'ana.popescu@example.com', channel: 'email', from_date: '09062024', to_date: '15062024' };

describe('Netcore apiv2 simulator: channel activity export', () => {
  it('accepts every body form the docs show and answers the same', async () => {
    const { api } = sims();
    const forms: RequestInit[] = [
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ data: dataOf(ana) }).toString() },
      // The curl: a JSON content type with a form body, unencoded.
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: `data=${dataOf(ana)}` },
      // A raw JSON body that is the data itself.
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: dataOf(ana) },
    ];
    const answers = [];
    for (const init of forms) answers.push(await body(await api.handle(new Request(`${API}${exportQuery}`, init), '/apiv2')));
    // And type/activity/apikey as body parameters (the table lists them so).
    const inBody = new URLSearchParams({ type: 'export_data', activity: 'get_user_channel_activity_data', apikey: KEY, data: dataOf(ana) });
    answers.push(await body(await api.handle(new Request(API, { method: 'POST', body: inBody }), '/apiv2')));
    expect(answers[0].status).toBe('success');
    const activity = (answers[0].result as { channel_activity: unknown[] }).channel_activity;
    expect(activity.length).toBeGreaterThan(0);
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('answers in the documented shape and date format', async () => {
    const { api } = sims();
    const res = await api.handle(new Request(`${API}${exportQuery}`, { method: 'POST', body: new URLSearchParams({ data: dataOf(ana) }) }), '/apiv2');
    expect(res.status).toBe(200);
    const b = await body(res);
    expect(b).toMatchObject({ status: 'success', details: 'Data fetched successfully.', result: { from_date: '09062024', to_date: '15062024', channel: 'email' } });
    const entries = (b.result as { channel_activity: Record<string, unknown>[] }).channel_activity;
    for (const e of entries) {
      expect(e.activity_date).toMatch(/^(09|1[0-5]) Jun 2024 @([1-9]|1[0-2]):[0-5]\d[ap]m$/);
      expect(typeof e.message_id).toBe('number');
      expect(typeof e.msg_name).toBe('string');
      if (e.activity === 'open') expect(e).toHaveProperty('device');
    }
    // Exactly the seeded events whose Bucharest date is in the window.
    const expected = api
      .channelActivity('ana.popescu@example.com')
      .filter((e) => e.channel === 'email' && e.at >= new Date('2024-06-08T21:00:00Z') && e.at <= NOW);
    expect(entries.map((e) => e.activity_date)).toEqual(expected.map((e) => formatNetcoreActivityDate(e.at, api.accountTimeZone)));
  });

  it('reads the table spelling fromdate/todate and a MOBILE primary key', async () => {
    const { api } = sims();
    const data = dataOf({ primary_key: '0722000001', channel: 'sms', fromdate: '09062024', todate: '15062024' });
    const b = await body(await api.handle(new Request(`${API}${exportQuery}`, { method: 'POST', body: new URLSearchParams({ data }) }), '/apiv2'));
    expect(b.status).toBe('success');
    expect((b.result as { channel: string }).channel).toBe('sms');
  });

  it('refuses windows over seven days (both ends count), reversed and malformed dates, in-band', async () => {
    const { api } = sims();
    const ask = async (from_date: string, to_date: string, channel = 'email') => {
      const data = dataOf({ primary_key: 'ana.popescu@example.com', channel, from_date, to_date });
      const res = await api.handle(new Request(`${API}${exportQuery}`, { method: 'POST', body: new URLSearchParams({ data }) }), '/apiv2');
      expect(res.status).toBe(200);
      return body(res);
    };
    expect((await ask('09062024', '15062024')).status).toBe('success');
    expect(await ask('08062024', '15062024')).toEqual({ status: 'error', error_code: 400, details: 'Date range should not be more than 7 days' });
    expect(await ask('15062024', '14062024')).toMatchObject({ status: 'error', details: 'from_date must not be after to_date' });
    expect(await ask('2024-06-09', '15062024')).toMatchObject({ status: 'error', error_code: 400 });
    expect(await ask('31062024', '01072024')).toMatchObject({ status: 'error', error_code: 400 });
    expect(await ask('09062024', '15062024', 'push')).toMatchObject({ status: 'error', details: 'Invalid channel: use sms or email' });
  });

  it('refuses a missing or wrong apikey with 401', async () => {
    const { api } = sims();
    const res = await api.handle(new Request(`${API}?type=export_data&activity=get_user_channel_activity_data&apikey=nope`, { method: 'POST', body: new URLSearchParams({ data: dataOf(ana) }) }), '/apiv2');
    expect(res.status).toBe(401);
    expect(await body(res)).toEqual({ status: 'error', error_code: 401, details: 'Unauthorized | Invalid API Key' });
  });
});

describe('Netcore apiv2 simulator: addsync', () => {
  const addsync = `${API}?type=contact&activity=addsync&apikey=${KEY}`;

  it('stores a contact, then answers a duplicate EMAIL with the documented 302 body', async () => {
    const { api } = sims();
    const params = new URLSearchParams({ data: JSON.stringify({ NAME: 'Mike', EMAIL: 'mike@example.com', MOBILE: 5654134 }), listid: '33' });
    const first = await api.handle(new Request(addsync, { method: 'POST', body: params }), '/apiv2');
    expect(first.status).toBe(200);
    expect(await body(first)).toMatchObject({ result: 'Success', requestid: expect.stringMatching(/^sbx[0-9a-f]{29}$/) });
    expect(api.contacts().find((c) => c.EMAIL === 'mike@example.com')).toMatchObject({ attributes: { NAME: 'Mike', MOBILE: 5654134 }, listIds: [33] });
    const again = await api.handle(new Request(addsync, { method: 'POST', body: params }), '/apiv2');
    expect(again.status).toBe(200);
    expect(await body(again)).toEqual({ status: 'error', error_code: 302, details: "Duplicate entry 'mike@example.com' for key 'uniqid'" });
  });

  it('takes data and listid from the query as the docs Request URL shows', async () => {
    const { api } = sims();
    const url = `${addsync}&data=${encodeURIComponent(JSON.stringify({ FIRST_NAME: 'Mike', EMAIL: 'mike@google.com', MOBILE: 9999999999 }))}&listid=33`;
    expect(await body(await api.handle(new Request(url, { method: 'POST' }), '/apiv2'))).toMatchObject({ result: 'Success' });
    expect(api.contacts()).toHaveLength(DEMO_PEOPLE.length + 1);
  });

  it('knows the demo people as contacts (duplicates), and reset forgets additions', async () => {
    const { api } = sims();
    const dup = await api.handle(new Request(addsync, { method: 'POST', body: new URLSearchParams({ data: JSON.stringify({ EMAIL: 'ANA.POPESCU@example.com' }) }) }), '/apiv2');
    expect(await body(dup)).toMatchObject({ error_code: 302 });
    await api.handle(new Request(addsync, { method: 'POST', body: new URLSearchParams({ data: JSON.stringify({ EMAIL: 'x@example.com' }) }) }), '/apiv2');
    api.reset();
    expect(api.contacts().map((c) => c.EMAIL)).toEqual(DEMO_PEOPLE.map((p) => p.email));
  });

  it('refuses a contact without EMAIL and an unknown route', async () => {
    const { api } = sims();
    const noEmail = await api.handle(new Request(addsync, { method: 'POST', body: new URLSearchParams({ data: JSON.stringify({ NAME: 'x' }) }) }), '/apiv2');
    expect(await body(noEmail)).toEqual({ status: 'error', error_code: 400, details: 'Primary key EMAIL is missing' });
    const unknown = await api.handle(new Request(`${API}?type=contact&activity=nope&apikey=${KEY}`, { method: 'POST' }), '/apiv2');
    expect(await body(unknown)).toMatchObject({ status: 'error', details: 'Invalid type or activity' });
  });
});

describe('Netcore seed', () => {
  it('gives every demo person email and sms activity, a few a week, across the last 90 days, deterministically', () => {
    const { api } = sims();
    const events = api.channelActivity();
    for (const p of DEMO_PEOPLE) {
      for (const channel of ['email', 'sms'] as const) {
        const sends = events.filter((e) => e.primaryKey === p.email && e.channel === channel && e.activity === 'sent');
        expect(sends.length).toBeGreaterThanOrEqual(13);
        expect(sends.length).toBeLessThanOrEqual(13 * 3);
        expect(sends.every((e) => e.at <= NOW && e.at.getTime() > NOW.getTime() - 91 * 86_400_000)).toBe(true);
      }
    }
    expect(new Set(events.map((e) => e.activity))).toEqual(new Set(['sent', 'delivered', 'open', 'click', 'bounce', 'failed']));
    expect(createNetcoreSimulators({ now: () => NOW }).api.channelActivity()).toEqual(events);
  });
});

describe('Netcore activity upload simulator', () => {
  const URL_ = 'http://sandbox.test/sandbox/netcore-activity/v1/activity/upload';
  const post = (payload: unknown, key = KEY) =>
    new Request(URL_, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const record = (extra: Record<string, unknown> = {}) => ({
    asset_id: 'sdbsjdh623jhmsndbkfs',
    activity_name: 'Purchase',
    timestamp: '2020-04-28T16:47:37Z',
    identity: 'CUSTOMER_ID',
    activity_source: 'CRM',
    activity_params: { currency: 'INR', product: [{ product_name: 'Serum', price: '250.0' }] },
    ...extra,
  });

  it('stores a single object and a bulk array (the docs bulk sample omits asset_id)', async () => {
    const { activity } = sims();
    const one = await activity.handle(post(record()), '/v1/activity/upload');
    expect(await body(one)).toEqual({ status: 'success', success_count: '1', failed_count: '[]' });
    const { asset_id: _omit, ...noAsset } = record({ activity_name: 'Checkout' });
    const bulk = await activity.handle(post([record(), noAsset, record({ activity_name: 'Add To Cart' })]), '/v1/activity/upload');
    expect(await body(bulk)).toMatchObject({ success_count: '3' });
    expect(activity.activities().map((a) => a.activityName)).toEqual(['Purchase', 'Purchase', 'Checkout', 'Add To Cart']);
  });

  it('does not insert a record with an empty product array; lists it in failed_count', async () => {
    const { activity } = sims();
    const res = await activity.handle(post([record(), record({ activity_params: { product: [] } })]), '/v1/activity/upload');
    const b = await body(res);
    expect(b.success_count).toBe('1');
    const failures = JSON.parse(String(b.failed_count)) as { code: number; error: string }[];
    expect(failures).toEqual([{ status: 'fail', code: 400, error: 'Bad Request | Empty product array - event not inserted', record: record({ activity_params: { product: [] } }) }]);
    expect(activity.activities()).toHaveLength(1);
  });

  it('documented errors: missing activity name 400, bad key 401, wrong method 405, over 1000 records 400', async () => {
    const { activity } = sims();
    const { activity_name: _drop, ...nameless } = record();
    const missing = await activity.handle(post(nameless), '/v1/activity/upload');
    expect(missing.status).toBe(400);
    expect(await body(missing)).toEqual({ status: 'error', code: 400, error: 'Bad Request | Missing Parameter - Activity Name' });
    expect((await activity.handle(post(record(), 'bad-key'), '/v1/activity/upload')).status).toBe(401);
    expect((await activity.handle(new Request(URL_, { headers: { authorization: `Bearer ${KEY}` } }), '/v1/activity/upload')).status).toBe(405);
    const tooMany = await activity.handle(post(Array.from({ length: 1001 }, () => record())), '/v1/activity/upload');
    expect(tooMany.status).toBe(400);
    expect(activity.activities()).toHaveLength(0);
  });
});
