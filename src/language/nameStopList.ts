/*
 * Words that follow a name cue without being a name: "I am worried", "I'm Polish", "this is Snapchat",
 * "my son Has", "his name is unknown". Compared in lower case. April, May, June, August, Will and
 * Christian are left out: they are names too.
 */
const WORDS = `
a about above actually after again against all almost also always am an and another any anyone anything
are around as at away back bad be because been before being below best better between both but by can
cannot could did do does doing done down during each either else even ever every everyone everything
few for from further get gets getting go goes going gone good got had has have having he her here hers
herself him himself his how however i if in into is it its itself just kind know known last least less
like likely little lot lots many maybe me might mine more most much must my myself never new next
no nobody none nor not nothing now of off often on once one only or other our ours out over own perhaps
please pretty probably quite rather really same see seems she should since so some somebody someone
something sometimes soon still such sure than that the their theirs them themselves then there these
they this those though through to too totally under until up upon us very was we well were what when
where which while who whom whose why with without would yet you your yours yourself
worried worrying scared frightened afraid concerned anxious upset sorry desperate unsure confused
fine ok okay alright angry sad tired calling writing reporting messaging texting looking trying asking
wondering thinking hoping told telling called named unknown unsure private secret important irrelevant
different older younger years year yr old aged age
mum mam mom mummy dad daddy mother father parent parents nan nana nanna gran granny grandma grandad
grandpa grandmother grandfather auntie aunt uncle carer foster guardian sister brother son daughter
teacher neighbour neighbor friend mate boyfriend girlfriend partner husband wife
monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday weekend
january february march july september october november december christmas easter
english british welsh scottish irish polish romanian asian black white muslim jewish
sikh hindu catholic european african caribbean pakistani indian bangladeshi
mr mrs ms miss mx dr
god police council school college childline nspcc crimestoppers snapchat snap instagram insta tiktok
whatsapp facebook telegram twitter discord youtube google
`;

const STOP = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isNotAName(word: string): boolean {
  return STOP.has(word.toLowerCase().replace(/[’']/g, "'"));
}
