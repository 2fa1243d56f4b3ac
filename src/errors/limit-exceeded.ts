import { CodatError } from './codat-error.js';

export interface LimitOptions {
  /** Page that explains the limit; adds the sentence ` Learn more at <docsUrl>` to the item's message. */
  docsUrl?: string;
}

function learnMore(sentence: string, { docsUrl }: LimitOptions): string {
  return docsUrl === undefined ? sentence : `${sentence} Learn more at ${docsUrl}`;
}

/**
 * 402 Payment Required: an account limit was reached.
 *
 * @example
 * throw LimitExceeded.companyLimit({ docsUrl: 'https://docs.codat.io/using-the-api/errors' });
 */
export class LimitExceeded extends CodatError {
  static override status = 402;
  static override exception: string | undefined = undefined;

  /** The free trial's limit of 50 companies: `CompanyValidationException: Company limit exceeded`. */
  static companyLimit(options: LimitOptions = {}): LimitExceeded {
    return new LimitExceeded('Company limit exceeded', {
      exception: 'CompanyValidationException',
      validation: {
        errors: [
          { itemId: 'Company', message: learnMore('Company limit exceeded.', options), validatorName: 'CreateCompany' },
        ],
      },
    });
  }

  /**
   * An hourly sync schedule, which the free trial does not include:
   * `SyncSettingsValidationException: Sync schedule not allowed`.
   */
  static syncScheduleNotAllowed(options: LimitOptions = {}): LimitExceeded {
    return new LimitExceeded('Sync schedule not allowed', {
      exception: 'SyncSettingsValidationException',
      validation: { errors: [{ message: learnMore('Sync schedule not allowed.', options) }] },
    });
  }

  /** A free account older than 365 days: `Payment Required`. */
  static accountExpired(options: LimitOptions = {}): LimitExceeded {
    return new LimitExceeded(undefined, {
      validation: { errors: [{ message: learnMore('Account expired.', options) }] },
    });
  }
}
