import twilio from 'twilio';
import { expectedSignature, signatureMatches } from '../../src/twilio/twilioSignature';

const TOKEN = '0123456789abcdef0123456789abcdef';
const URL_ = 'https://chat.example.org/api/twilio/messages';
const FIELDS: Record<string, string> = {
  AccountSid: `AC${'a'.repeat(32)}`,
  MessageSid: `SM${'b'.repeat(32)}`,
  From: '+447700900123',
  To: '+447700900999',
  Body: 'is it normal that he has 2 phones?? £20 & “new trainers” — idk 😟',
  NumMedia: '0',
};

describe("Twilio's request signature", () => {
  it('is the one the official twilio package computes, for ordinary and awkward fields', () => {
    for (const fields of [FIELDS, {}, { Body: '' }, { b: '1', a: '2', A: '3', 'a b': 'x=y&z' }]) {
      expect(expectedSignature(TOKEN, URL_, fields)).toBe(twilio.getExpectedTwilioSignature(TOKEN, URL_, fields));
    }
  });

  it('accepts what the official package signs, with or without the default port in the URL', () => {
    const signature = twilio.getExpectedTwilioSignature(TOKEN, URL_, FIELDS);
    expect(twilio.validateRequest(TOKEN, signature, URL_, FIELDS)).toBe(true);
    expect(signatureMatches(TOKEN, signature, URL_, FIELDS)).toBe(true);
    // Twilio may sign https://host:443/… for a URL configured without the port, and the other way round.
    const withPort = twilio.getExpectedTwilioSignature(TOKEN, 'https://chat.example.org:443/api/twilio/messages', FIELDS);
    expect(signatureMatches(TOKEN, withPort, URL_, FIELDS)).toBe(true);
    expect(signatureMatches(TOKEN, signature, 'https://chat.example.org:443/api/twilio/messages', FIELDS)).toBe(true);
  });

  it('refuses a changed field, an added field, another URL, another token, and no signature', () => {
    const signature = twilio.getExpectedTwilioSignature(TOKEN, URL_, FIELDS);
    expect(signatureMatches(TOKEN, signature, URL_, { ...FIELDS, Body: 'something else' })).toBe(false);
    expect(signatureMatches(TOKEN, signature, URL_, { ...FIELDS, Extra: '1' })).toBe(false);
    expect(signatureMatches(TOKEN, signature, 'https://evil.example.org/api/twilio/messages', FIELDS)).toBe(false);
    expect(signatureMatches(TOKEN, signature, `${URL_}?x=1`, FIELDS)).toBe(false);
    expect(signatureMatches('another-token-0123456789abcdef', signature, URL_, FIELDS)).toBe(false);
    expect(signatureMatches(TOKEN, undefined, URL_, FIELDS)).toBe(false);
    expect(signatureMatches(TOKEN, '', URL_, FIELDS)).toBe(false);
    expect(signatureMatches(TOKEN, 'not base64 at all', URL_, FIELDS)).toBe(false);
  });
});
