/**
 * Where the harness's one-api / new-api relay lives. The backend routes it to the fake
 * provider server like the real hosts; specs type it into the relay address field. Its own
 * module so a spec can import it without loading the backend.
 */
export const RELAY_ORIGIN = 'https://relay.example.com';
