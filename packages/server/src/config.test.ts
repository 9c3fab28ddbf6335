import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to 127.0.0.1:8080, the embedded store and the built-in identity provider', () => {
    const c = loadConfig({});
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 8080);
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.oidc.devIdp, true);
    assert.equal(c.oidc.issuer, 'http://127.0.0.1:8080/idp');
  });

  it('anchors the audit chain in DATA_DIR unless told where, and under test only where told', () => {
    assert.equal(
      loadConfig({ DATA_DIR: 'srv/helsebro' }).auditCheckpointFile,
      join('srv/helsebro', 'audit-checkpoints.jsonl'),
    );
    assert.equal(loadConfig({ AUDIT_CHECKPOINT_FILE: 'anchor/a.jsonl' }).auditCheckpointFile, 'anchor/a.jsonl');
    assert.equal(loadConfig({ NODE_ENV: 'test' }).auditCheckpointFile, null);
    assert.equal(loadConfig({}).auditCheckpointIntervalMs, 10_000);
    assert.throws(() => loadConfig({ AUDIT_CHECKPOINT_INTERVAL_MS: '-1' }), /AUDIT_CHECKPOINT_INTERVAL_MS/);
  });

  it('names every bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '0' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /PORT/.test(err.message) &&
        /DATABASE_URL/.test(err.message) &&
        /SESSION_IDLE_MINUTES/.test(err.message),
    );
  });

  it('requires real secrets and a public address in production, and refuses the development IdP there', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET: required in production/);
    const secrets = {
      SESSION_SECRET: 'x'.repeat(40),
      AUDIT_KEY: 'y'.repeat(40),
      PUBLIC_URL: 'https://helsebro.example',
    };
    assert.throws(() => loadConfig({ NODE_ENV: 'production', ...secrets }), /DEV_IDP/);
    const c = loadConfig({
      NODE_ENV: 'production',
      ...secrets,
      OIDC_ISSUER: 'https://test.idporten.no',
      OIDC_CLIENT_SECRET: 'z'.repeat(20),
    });
    assert.equal(c.oidc.devIdp, false);
    assert.equal(c.oidc.issuer, 'https://test.idporten.no');
  });

  it('takes DEV_CLOCK_START as an instant with offset, and none by default', () => {
    assert.equal(loadConfig({}).devClockStart, null);
    assert.equal(
      loadConfig({ DEV_CLOCK_START: '2026-12-12T09:00:00+01:00' }).devClockStart?.toISOString(),
      '2026-12-12T08:00:00.000Z',
    );
    assert.equal(
      loadConfig({ NODE_ENV: 'test', DEV_CLOCK_START: '2026-06-13T07:00:00Z' }).devClockStart?.getTime(),
      Date.parse('2026-06-13T07:00:00Z'),
    );
    for (const bad of ['2026-12-12', '2026-12-12T09:00:00', '2026-02-30T09:00:00Z', 'saturday', '']) {
      assert.throws(
        () => loadConfig({ DEV_CLOCK_START: bad }),
        (err: unknown) => err instanceof ConfigError && /DEV_CLOCK_START/.test(err.message),
        bad,
      );
    }
  });

  it('refuses DEV_CLOCK_START in production', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      AUDIT_KEY: 'y'.repeat(40),
      PUBLIC_URL: 'https://helsebro.example',
      OIDC_ISSUER: 'https://test.idporten.no',
      OIDC_CLIENT_SECRET: 'z'.repeat(20),
    };
    assert.equal(loadConfig(production).devClockStart, null);
    assert.throws(
      () => loadConfig({ ...production, DEV_CLOCK_START: '2026-12-12T09:00:00+01:00' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /DEV_CLOCK_START: a set clock is for development and tests only/.test(err.message),
    );
  });

  it('stops the server process with a message naming the variable', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const res = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: '70000', DATA_DIR: 'memory-unused' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(res.status, 78);
    assert.match(res.stderr, /PORT/);
    assert.match(res.stderr, /did not start/);
  });
});
