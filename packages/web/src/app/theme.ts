import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** NHS blue (#005EB8) at shade 6: white text on it has a contrast ratio above 6:1. */
const ferryBlue: MantineColorsTuple = [
  '#e6f0fa',
  '#c5dcf2',
  '#9cc3e8',
  '#6ea7dc',
  '#3f89cf',
  '#1873c4',
  '#005eb8',
  '#004f9c',
  '#003f7d',
  '#002f5e',
];

/**
 * Mantine's green with its darkest shade darker still: white on Mantine's #2b8a3e is 4.37:1, short of AA for the
 * 10 px badge text that says "approved", "succeeded" and "PASS"; #247a37 is 5.37:1.
 */
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#37b24d',
  '#2f9e44',
  '#247a37',
];

/** The control plane's theme: readable contrast, visible keyboard focus, dense tables. */
export const theme = createTheme({
  primaryColor: 'ferry',
  primaryShade: 6,
  colors: { ferry: ferryBlue, green },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
  components: {
    Table: { defaultProps: { striped: true, highlightOnHover: true, verticalSpacing: 4, fz: 'sm' } },
    // Light alerts keep their tint as a background; their titles stay near-black for contrast.
    Notification: { styles: { description: { color: 'var(--mantine-color-black)' } } },
    Alert: {
      styles: { title: { color: 'var(--mantine-color-black)' }, message: { color: 'var(--mantine-color-black)' } },
    },
  },
});
