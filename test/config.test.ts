import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, configSchema, loadConfig } from '../src/config';

describe('configuration', () => {
  it('runs locally with no settings at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      SCALEMAP_DATA_DIR: '.scalemap',
      SCALEMAP_TIME_SCALE: 1440,
      STRIPE_PRICE_GBP: 750000,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names every missing or malformed setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', SCALEMAP_TIME_SCALE: '0' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', SCALEMAP_TIME_SCALE: '0' });
    } catch (err) {
      const text = (err as Error).message;
      expect(text).toContain('PORT');
      expect(text).toContain('DATABASE_URL');
      expect(text).toContain('SCALEMAP_TIME_SCALE');
    }
  });

  it('requires the AWS settings on AWS, and the Stripe keys together', () => {
    const aws = () => loadConfig({ SCALEMAP_RUNTIME: 'aws' });
    expect(aws).toThrow(/DATABASE_URL is required/);
    expect(aws).toThrow(/STATE_MACHINE_ARN is required/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it('documents every variable in .env.example', () => {
    const example = fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
    const shape = configSchema as unknown as { _def: { schema?: { shape: object } }; shape?: object };
    const keys = Object.keys(shape.shape ?? shape._def.schema?.shape ?? {});
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys)
      expect({ key, documented: new RegExp(`^${key}=`, 'm').test(example) }).toEqual({
        key,
        documented: true,
      });
  });
});
