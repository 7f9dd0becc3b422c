import { isFullPostcode } from './addressDetails';
import type { PersonalDetailCategory } from './languageService';

/** Azure PII categories with a category of our own. */
const MAPPED: Readonly<Record<string, PersonalDetailCategory>> = {
  Person: 'name',
  PhoneNumber: 'phone',
  Email: 'email',
  Address: 'address',
  UKNationalInsuranceNumber: 'ni-number',
  InternationalBankingAccountNumber: 'bank-account',
  CreditCardNumber: 'card-number',
  EUDebitCardNumber: 'card-number',
  IPAddress: 'ip-address',
};

/**
 * Categories dropped: they describe no one in particular, or not a person. DateTime and Date (a date
 * is rarely a date of birth, and reports need dates), Age (an age alone identifies no one and the
 * report needs it), PersonType ("son", "mate"), Organization (schools, shops, the council), Quantity,
 * URL (mostly sites, not profiles), bank identifiers that name a bank rather than an account
 * (SWIFTCode, ABARoutingNumber) and Azure's own secrets (connection strings and keys).
 */
const DROPPED = new Set([
  'DateTime',
  'Date',
  'Age',
  'PersonType',
  'Organization',
  'Quantity',
  'URL',
  'SWIFTCode',
  'ABARoutingNumber',
  'SQLServerConnectionString',
]);

/**
 * Our category for an Azure PII entity, or null to drop it. Bank account numbers of any country are
 * 'bank-account'; any other identifying number (UK driving licence, NHS number, passport, electoral
 * roll, tax reference...) is 'other'. An Address that is just a full postcode is a 'postcode'.
 */
export function mapAzureCategory(category: string, text: string): PersonalDetailCategory | null {
  if (DROPPED.has(category) || category.startsWith('Azure')) return null;
  const mapped = MAPPED[category];
  if (mapped === 'address' && isFullPostcode(text)) return 'postcode';
  if (mapped) return mapped;
  if (/BankAccountNumber$/.test(category)) return 'bank-account';
  return 'other';
}
