import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';

describe('SMTP settings for the notification e-mail', () => {
  it('are off unless configured', () => {
    expect(loadConfig({}).smtp).toBeNull();
  });

  it('come from SMTP_URL: smtp:// with STARTTLS, user and password', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://anvisa:hemligt%21@relay.example.se:2525',
        SMTP_FROM: 'noreply@kommun.se',
      }).smtp,
    ).toEqual({
      host: 'relay.example.se',
      port: 2525,
      secure: false,
      startTls: true,
      user: 'anvisa',
      password: 'hemligt!',
      from: 'noreply@kommun.se',
    });
  });

  it('smtps:// is implicit TLS on 465 by default', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://relay.example.se' }).smtp).toMatchObject({
      port: 465,
      secure: true,
      startTls: false,
      from: 'anvisa@relay.example.se',
    });
  });

  it('or from host, port and from', () => {
    expect(
      loadConfig({ SMTP_HOST: 'localhost', SMTP_PORT: '25', SMTP_STARTTLS: 'no', SMTP_FROM: 'a@b.se' }).smtp,
    ).toEqual({
      host: 'localhost',
      port: 25,
      secure: false,
      startTls: false,
      user: null,
      password: null,
      from: 'a@b.se',
    });
  });

  it('refuses another scheme and a sender that is not an address', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://relay.example.se' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_HOST: 'x', SMTP_FROM: 'Anvisa' })).toThrow(/SMTP_FROM/);
  });
});
