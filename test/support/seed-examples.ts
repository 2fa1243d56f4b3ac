// The three envelopes of the contract's "The examples, verbatim", copied byte for byte.
export const seedExamples: Record<string, string> = {
  'company limit': `{
  "statusCode": 402,
  "service": "PublicApi",
  "error": "CompanyValidationException: Company limit exceeded",
  "correlationId": "00000000-0000-0000-0000-000000000000",
  "validation": {
    "errors": [
      {
        "itemId": "Company",
        "message": "Company limit exceeded. Learn more at https://docs.codat.io/using-the-api/errors",
        "validatorName": "CreateCompany"
      }
    ],
    "warnings": []
  }
}`,
  'account expired': `{
  "statusCode": 402,
  "service": "PublicApi",
  "error": "Payment Required",
  "correlationId": "00000000-0000-0000-0000-000000000000",
  "validation": {
    "errors": [
      {
        "message": "Account expired. Learn more at https://docs.codat.io/using-the-api/errors"
      }
    ],
    "warnings": []
  }
}`,
  'downstream error': `{
  "statusCode": 404,
  "service": "QuickBooksOnline",
  "error": "InvoicePdfNotFoundException: Invoice not found for company 360cb9b3-d9cf-4f66-b8db-8a3523fe3dc5 and invoice ID 12345",
  "correlationId": "131f0225-5467-421a-b179-4531d6b4a942"
}`,
};
