// Unit tests run the console's code on the vendor simulators: sandbox mode is asked for explicitly, as
// `npm run demo` and the e2e server do (a console without SANDBOX=1 and without credentials refuses to start).
process.env.SANDBOX ??= '1';
