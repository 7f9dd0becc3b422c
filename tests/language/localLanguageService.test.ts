import { detectLanguage } from '../../src/language/detectLanguage';
import { passesLuhn } from '../../src/language/financialDetails';
import { findPersonalDetails } from '../../src/language/findPersonalDetails';
import { keepLongest } from '../../src/language/keepLongest';
import type { PersonalDetailCategory } from '../../src/language/languageService';
import { LocalLanguageService } from '../../src/language/localLanguageService';

/** [category, text] of every detail, checking on the way that each offset points at its text. */
function found(text: string): Array<[PersonalDetailCategory, string]> {
  return findPersonalDetails(text).map((d) => {
    expect(text.slice(d.offset, d.offset + d.length)).toBe(d.text);
    return [d.category, d.text];
  });
}

/** The one detail in a sentence built around it, which must be found whole and nothing else. */
function expectOnly(category: PersonalDetailCategory, detail: string, sentence = `please note ${detail} thanks`) {
  expect(found(sentence)).toEqual([[category, detail]]);
}

describe('phone numbers (UK)', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '07700-900-123',
    '07700 900 123',
    '077 0090 0123',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '0044 7700 900123',
    '0114 496 0000',
    '(0114) 496 0000',
    '01226 496000',
    '(01226) 496000',
    '020 7946 0000',
    '(020) 7946 0000',
    '029 2018 0000',
    '028 9018 0000',
    '0161-496-0000',
    '01632 960001',
  ])('%s', (phone) => expectOnly('phone', phone, `his number is ${phone}, ring after six`));

  it.each([
    ['organisation numbers (03, 08)', 'call Crimestoppers on 0800 555 111 or the council on 0300 123 4567'],
    ['emergency and short numbers', 'ring 999 or 101, or 111 for the NHS'],
    ['a 6-digit number on its own', 'the code was 123456'],
    ['too few digits', 'ref 0770090012'],
    ['too many digits', 'id 077009001234'],
    ['a date written with dots', 'on 01.02.2024 he left'],
  ])('not %s', (_, text) => expect(found(text)).toEqual([]));
});

describe('emails', () => {
  it.each(['sam.jones@example.co.uk', 'priya_patel@hotmail.co.uk', 't.x+reports@gmail.com', 'JORDAN99@Outlook.com'])('%s', (email) =>
    expectOnly('email', email, `email me at ${email}.`),
  );
});

describe('postcodes', () => {
  it.each(['S70 2TA', 's70 2ta', 'S702TA', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'W1A 0AX', 'S63 7HS'])(
    '%s is a postcode',
    (postcode) => expectOnly('postcode', postcode, `we are in ${postcode} if that helps`),
  );

  it('not a postcode district on its own, nor a vehicle registration', () => {
    expect(found('it happens all over S70 and S63')).toEqual([]);
    expect(found('a silver BMW, reg AB12 CDE, and a white van YR19 XHK, and a BD51 SMR')).toEqual([]);
  });
});

describe('addresses', () => {
  it.each([
    '12 Acacia Road',
    'flat 3, 45 High Street',
    'Flat 12a, 3-5 Victoria Road',
    'Apartment 4 22 Kings Road',
    "7 St Mary's Rd",
    '22b Church Lane',
    '101 Doncaster Road',
    '3 The Green',
    '9 Oak Tree Close',
    '14 Park Lane',
    '12 acacia road',
    '5 mill lane',
  ])('%s', (address) => expectOnly('address', address, `he goes to ${address} most days`));

  it('an address and its postcode are two details', () => {
    expect(found('she lives at 12 Acacia Road, Barnsley S70 2TA')).toEqual([
      ['address', '12 Acacia Road'],
      ['postcode', 'S70 2TA'],
    ]);
  });

  it.each([
    '3 lads on the road',
    '20 minutes down the road',
    '5 houses down the street',
    '2 mins up the lane',
    'about 10 kids at the park',
    'the shop on High Street',
    'they meet at 4pm at Tesco on Sheffield Road',
  ])('not "%s"', (text) => expect(found(text)).toEqual([]));
});

describe('National Insurance numbers', () => {
  it.each(['AB123456C', 'AB 12 34 56 C', 'ab123456c', 'JG 10 37 45 B', 'NE 92 33 10 A'])('%s', (ni) => expectOnly('ni-number', ni));

  it.each(['QQ123456C', 'GB123456A', 'DA123456C', 'AB123456E'])('not %s (prefix or suffix never issued)', (text) =>
    expect(found(`NI ${text}`)).toEqual([]),
  );
});

describe('bank details', () => {
  it('a sort code and account number together are one detail', () => {
    expect(found('sort code 12-34-56 account 12345678')).toEqual([['bank-account', '12-34-56 account 12345678']]);
    expect(found('pay 20-00-00 55779911 by Friday')).toEqual([['bank-account', '20-00-00 55779911']]);
  });

  it('a sort code or account number after a cue', () => {
    expect(found('account number 41234567, sort code 20-00-00')).toEqual([
      ['bank-account', '41234567'],
      ['bank-account', '20-00-00'],
    ]);
    expect(found('acc no: 41234567')).toEqual([['bank-account', '41234567']]);
    expect(found('sort code is 123456')).toEqual([['bank-account', '123456']]);
  });

  it('a sort code that cannot be a date, and a UK IBAN', () => {
    expect(found('his sort is 40-47-84')).toEqual([['bank-account', '40-47-84']]);
    expect(found('IBAN GB82 WEST 1234 5698 7654 32 please')).toEqual([['bank-account', 'GB82 WEST 1234 5698 7654 32']]);
  });

  it('not a date with dashes, nor 8 digits without a cue', () => {
    expect(found('it was on 12-03-24 and again on 01-02-25')).toEqual([]);
    expect(found('ref 20240101 and 12345678')).toEqual([]);
  });
});

describe('card numbers', () => {
  it.each(['4111 1111 1111 1111', '4111111111111111', '5500-0000-0000-0004', '5555 5555 5555 4444', '3782 822463 10005', '4222222222222', '6011 0009 9013 9424'])(
    '%s',
    (card) => expectOnly('card-number', card, `card ${card} exp 09/27`),
  );

  it('Luhn decides', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(found('card 4111 1111 1111 1112')).toEqual([]);
  });

  it('not mixed separators or tiny groups', () => {
    expect(found('4111-1111 1111-1111')).toEqual([]);
    expect(found('41 11 11 11 11 11 11 11')).toEqual([]);
  });
});

describe('social media handles', () => {
  it.each([
    ['his insta is @tyler.x_99', '@tyler.x_99'],
    ['messages from @jordan_b on tiktok', '@jordan_b'],
    ['snap: jordanb', 'jordanb'],
    ['his snapchat is tyler_x', 'tyler_x'],
    ['Snapchat username: Kay.B', 'Kay.B'],
    ['tiktok = reece2010', 'reece2010'],
  ])('%s', (text, handle) => expect(found(text)).toEqual([['social-handle', handle]]));

  it.each(['his snapchat is blocked', 'meet @5pm', 'he is @home', 'his snap is private', 'email sam@example.com'])('not in "%s"', (text) =>
    expect(found(text).filter(([c]) => c === 'social-handle')).toEqual([]),
  );
});

describe('IP addresses', () => {
  it.each(['192.168.0.1', '81.2.69.160', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'fe80::1ff:fe23:4567:890a'])('%s', (ip) =>
    expectOnly('ip-address', ip, `logged in from ${ip} yesterday`),
  );

  it.each(['version 1.2.3', 'pi is 3.14', 'at 10:30:45', 'score 10::30', '999.1.1.1'])('not in "%s"', (text) => expect(found(text)).toEqual([]));
});

describe('names after a cue', () => {
  it.each([
    ['my name is Sam Jones', 'Sam Jones'],
    ["My name's Priya Patel", 'Priya Patel'],
    ['my name is sam', 'sam'],
    ["I'm called Sam", 'Sam'],
    ['I am Sam, his aunt', 'Sam'],
    ['Hi, I’m Chantelle', 'Chantelle'],
    ['call me Sam', 'Sam'],
    ['this is Sam from number 4', 'Sam'],
    ['my son Tyler', 'Tyler'],
    ['my son, Tyler, is 14', 'Tyler'],
    ['his mate Jordan', 'Jordan'],
    ['her older brother Reece Smith', 'Reece Smith'],
    ["his mum's boyfriend Dean", 'Dean'],
    ['a lad called jordan', 'jordan'],
    ['an older man known as Kay', 'Kay'],
    ['my son is called Tyler', 'Tyler'],
    ['his name is Mr O’Brien', 'Mr O’Brien'],
    ["my name is Mrs D'Angelo", "Mrs D'Angelo"],
    ['my daughter Mary-Jane', 'Mary-Jane'],
    ['my daughter May', 'May'],
    ['my son Will', 'Will'],
    ['his friend McKenzie', 'McKenzie'],
    ['he goes by Kay', 'Kay'],
  ])('%s', (text, name) => expect(found(text)).toEqual([['name', name]]));

  it('a list of names after one cue', () => {
    expect(found('his mates Jordan, Kyle and Reece were there')).toEqual([
      ['name', 'Jordan'],
      ['name', 'Kyle'],
      ['name', 'Reece'],
    ]);
  });

  it('drops a doubtful second word', () => {
    expect(found('my name is sam and i live here')).toEqual([['name', 'sam']]);
    expect(found("I'm Sam's mum")).toEqual([['name', 'Sam']]);
    expect(found('my name is Mr Sam Worried')).toEqual([['name', 'Mr Sam']]);
    expect(found('my name is sam sam')).toEqual([['name', 'sam sam']]);
    expect(found('my son Tyler Tylerson')).toEqual([['name', 'Tyler Tylerson']]);
  });

  it.each([
    'I am worried about my son',
    "I'm Worried about my son",
    'I am 14 and I am scared',
    "I'm Polish and my English is not good",
    'This is Snapchat stuff',
    'my son Has been going missing',
    'my son has been going missing',
    'his name is not known',
    'his name is unknown',
    'I am in Year 9',
    'call me back please',
    'this is Tuesday night again',
    'I am Mum to three boys',
    'he called Childline',
    'his name is Mr',
    'Tyler has been going missing', // no cue: not found
  ])('not in "%s"', (text) => expect(found(text)).toEqual([]));
});

describe('negatives across categories', () => {
  it.each([
    'It was £20 at 10:30 on 12/03/2024, in 2023 and again in 1999',
    'he owes 250000 and the code was 123456',
    'I’ve seen him with £500 cash and 2 phones',
    'he is 5ft 10 and weighs 70kg',
    'number 999 or 101, call 111',
    'he was in year 9 in 2019 and year 11 in 2021',
    'a black Audi A3 reg AB12 CDE parked up from 22:00 to 02:30',
  ])('"%s" has no personal details', (text) => expect(found(text)).toEqual([]));
});

describe('a whole report', () => {
  it('finds every detail once, longest first on overlap, in text order', () => {
    const text =
      "Hi, my name is Priya Patel and I live at flat 3, 45 High Street, Barnsley S70 2TA. My son's mate Jordan " +
      'gets calls from +44 7700 900456 and his snap is jordan_b99. You can email me on priya_patel@hotmail.co.uk ' +
      'or ring 0114 496 0000. A black car AB12 CDE picks them up at 10:30.';
    expect(found(text)).toEqual([
      ['name', 'Priya Patel'],
      ['address', 'flat 3, 45 High Street'],
      ['postcode', 'S70 2TA'],
      ['name', 'Jordan'],
      ['phone', '+44 7700 900456'],
      ['social-handle', 'jordan_b99'],
      ['email', 'priya_patel@hotmail.co.uk'],
      ['phone', '0114 496 0000'],
    ]);
  });
});

describe('keepLongest', () => {
  it('keeps the longest of overlapping details, the first on a tie, and returns them in order', () => {
    const d = (offset: number, length: number, category: PersonalDetailCategory = 'other') => ({ text: 'x'.repeat(length), category, offset, length });
    expect(keepLongest([d(10, 2), d(0, 5), d(3, 9), d(20, 3, 'phone'), d(20, 3, 'card-number')])).toEqual([d(3, 9), d(20, 3, 'phone')]);
  });
});

describe('language detection', () => {
  it.each([
    ['My son Tyler has been going missing at weekends and coming back with cash', 'en'],
    ['he has loads of new trainers and a phone i did not buy', 'en'],
    ['Mój syn znika w weekendy i wraca z pieniędzmi', 'pl'],
    ['Fiul meu lipsește de acasă de două zile', 'ro'],
    ['Meu filho está desaparecido há dois dias', 'pt'],
    ['Mi hijo no vuelve a casa por la noche', 'es'],
    ['Je suis inquiet pour mon fils qui traine avec des gens', 'fr'],
    ['Sūnus grįžta namo vėlai su pinigais', 'lt'],
    ['Oğlum eve geç geliyor ve parası var', 'tr'],
    ['Mae fy mab yn mynd ar goll bob penwythnos', 'cy'],
    ["Dw i'n poeni am fy mab", 'cy'],
    ['میں اپنے بیٹے کے بارے میں فکر مند ہوں', 'ur'],
    ['أنا قلق على ابني', 'ar'],
    ['আমি আমার ছেলেকে নিয়ে চিন্তিত', 'bn'],
    ['ਮੈਂ ਆਪਣੇ ਪੁੱਤਰ ਬਾਰੇ ਚਿੰਤਤ ਹਾਂ', 'pa'],
    ['我儿子很晚才回家', 'zh'],
  ])('%s → %s', (text, code) => {
    const language = detectLanguage(text);
    expect(language.code).toBe(code);
    expect(language.confidence).toBeGreaterThan(0);
    expect(language.confidence).toBeLessThanOrEqual(1);
  });

  it.each(['Hello', 'hi', 'help', 'ok thanks', 'yes', 'Please help me', 'lads in the park selling', 'mandem on the ends'])(
    'short or doubtful English-looking "%s" is English',
    (text) => expect(detectLanguage(text).code).toBe('en'),
  );

  it.each(['Sam', 'Tyler Jones', 'county lines', '07700 900123', '', '!!!', 'Barnsley Sheffield Rotherham', 'Wiilkayga ayaa la waayay'])(
    '"%s" is unknown rather than a wrong guess',
    (text) => expect(detectLanguage(text)).toEqual({ code: null, confidence: null }),
  );
});

describe('LocalLanguageService', () => {
  it('analyses each text: details, language, detectedBy local', async () => {
    const results = await new LocalLanguageService().analyse([
      'My name is Sam Jones and my number is 07700 900123, I am worried about my son',
      '',
      'Mój syn znika w weekendy i wraca z pieniędzmi',
    ]);
    expect(results).toEqual([
      {
        details: [
          { text: 'Sam Jones', category: 'name', offset: 11, length: 9 },
          { text: '07700 900123', category: 'phone', offset: 38, length: 12 },
        ],
        language: { code: 'en', confidence: expect.any(Number) },
        detectedBy: 'local',
      },
      { details: [], language: { code: null, confidence: null }, detectedBy: 'local' },
      { details: [], language: { code: 'pl', confidence: expect.any(Number) }, detectedBy: 'local' },
    ]);
    expect(results[0]!.language.confidence).toBeGreaterThan(0.5);
  });
});
