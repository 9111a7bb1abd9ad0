/**
 * Demo data subjects shared by the simulators: they are Footprints clients (leads, loyalty codes) and
 * Netcore contacts with channel activity, so a privacy case or a loyalty check finds the same person
 * at both vendors. Fictional people; example.com addresses; Romanian-format demo numbers.
 */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  city: string;
  county: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { firstName: 'Ana', lastName: 'Popescu', email: 'ana.popescu@example.com', phone: '0722000001', city: 'Bucuresti', county: 'Bucuresti' },
  { firstName: 'Mihai', lastName: 'Ionescu', email: 'mihai.ionescu@example.com', phone: '0722000002', city: 'Cluj-Napoca', county: 'Cluj' },
  { firstName: 'Elena', lastName: 'Dumitru', email: 'elena.dumitru@example.com', phone: '0722000003', city: 'Iasi', county: 'Iasi' },
  { firstName: 'Andrei', lastName: 'Stan', email: 'andrei.stan@example.com', phone: '0722000004', city: 'Timisoara', county: 'Timis' },
  { firstName: 'Ioana', lastName: 'Marin', email: 'ioana.marin@example.com', phone: '0722000005', city: 'Brasov', county: 'Brasov' },
  { firstName: 'Radu', lastName: 'Georgescu', email: 'radu.georgescu@example.com', phone: '0722000006', city: 'Constanta', county: 'Constanta' },
];
