/** Customers (clients): read, update, delete; a read of an unknown customer is null. */
import 'server-only';
import { VendorError } from '@/lib/vendors/http';
import {
  CustomerQuerySchema,
  encodeDeleteCustomer,
  encodeUpdateCustomer,
  type CustomerQuery,
  type DeleteCustomerInput,
  type UpdateCustomerInput,
} from './encode';
import { CustomerSchema, StatusSchema, type Customer } from './schemas';
import type { FootprintsTransport } from './transport';

export interface CustomersApi {
  /** Null when Footprints knows no such customer (404). */
  getCustomer(accessToken: string, query: CustomerQuery): Promise<Customer | null>;
  updateCustomer(accessToken: string, input: UpdateCustomerInput): Promise<void>;
  deleteCustomer(accessToken: string, input: DeleteCustomerInput): Promise<void>;
}

export function customersApi(t: FootprintsTransport): CustomersApi {
  const { call, check, encode, form } = t;
  return {
    async getCustomer(accessToken, query) {
      const q = check('getCustomer', CustomerQuerySchema, query);
      try {
        return await call({
          operation: 'getCustomer',
          method: 'GET',
          path: '/api/client',
          accessToken,
          query: 'nationalId' in q ? { nationalId: q.nationalId } : { userEmail: q.userEmail, userPhone: q.userPhone },
          schema: CustomerSchema,
          secrets: 'nationalId' in q ? [q.nationalId] : [q.userEmail, q.userPhone],
        });
      } catch (error) {
        if (error instanceof VendorError && error.status === 404) return null;
        throw error;
      }
    },

    // Safe to repeat: PUT of absolute values on the customer found by e-mail and phone.
    async updateCustomer(accessToken, input) {
      const params = encode('updateCustomer', () => encodeUpdateCustomer(input));
      // The heading reads "PUT {{base_url}} /api/client" (a stray space); the samples use /api/client.
      await call({
        operation: 'updateCustomer',
        method: 'PUT',
        path: '/api/client',
        accessToken,
        body: form(params),
        schema: StatusSchema,
        secrets: [input.userEmail, input.userPhone],
      });
    },

    // Safe to repeat: deleting the customer again finds nothing to delete (an error the caller reads as done).
    async deleteCustomer(accessToken, input) {
      const params = encode('deleteCustomer', () => encodeDeleteCustomer(input));
      await call({ operation: 'deleteCustomer', method: 'DELETE', path: '/api/client', accessToken, body: form(params), schema: StatusSchema });
    },
  };
}
