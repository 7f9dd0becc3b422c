import { safety } from '../helpers/transcript';

const languageOf = (text: string) => safety.languageOf(text);

describe('the language of a message (which block it needs)', () => {
  it('gives no block for English, however it is typed, nor for text too short to tell', () => {
    for (const text of ['my son has got new trainers and wont say where from', 'wot u on about m8 lol', 'ok', 'no', '👍', 'Flat 4 blue door']) {
      expect(languageOf(text)).toBeUndefined();
    }
  });

  it('names the eight supported languages, with or without accents, in their scripts or in Latin letters', () => {
    expect(languageOf('Mój syn nie wrócił do domu, boję się o niego')).toBe('pl');
    expect(languageOf('moj syn nie wrocil do domu, boje sie o niego')).toBe('pl');
    expect(languageOf('Fiul meu nu a venit acasă aseară și nu răspunde la telefon')).toBe('ro');
    expect(languageOf('Môj syn sa včera nevrátil domov a nedvíha telefón')).toBe('sk');
    expect(languageOf('Můj syn se včera nevrátil domů a nebere telefon')).toBe('cs');
    expect(languageOf('Мій син не повернувся додому і не відповідає на телефон')).toBe('uk');
    expect(languageOf('میرا بیٹا کل رات سے گھر نہیں آیا اور فون نہیں اٹھا رہا')).toBe('ur');
    expect(languageOf('ابني لم يعد إلى البيت منذ الليلة الماضية ولا يرد على الهاتف')).toBe('ar');
    expect(languageOf('ਮੇਰਾ ਪੁੱਤਰ ਕੱਲ੍ਹ ਰਾਤ ਤੋਂ ਘਰ ਨਹੀਂ ਆਇਆ')).toBe('pa');
    expect(languageOf('mera beta kal raat se ghar nahi aaya aur phone nahi utha raha')).toBe('ur');
  });

  it('calls any other language "other" (the block in English), Russian included', () => {
    expect(languageOf("Mon fils n'est pas rentré à la maison hier soir et il ne répond pas")).toBe('other');
    expect(languageOf('Mi hijo no volvió a casa anoche y no contesta el teléfono')).toBe('other');
    expect(languageOf('Мой сын не вернулся домой вчера вечером и не отвечает на звонки')).toBe('other');
  });
});
