import type { SeededRandom } from './seeded-random.js';
import { WeightedTable } from './weighted-table.js';

/**
 * Synthetic UK addresses: invented house numbers and streets in real towns, with real outward codes
 * (postcode districts) and a random inward code of the valid shape, so every postcode passes the strict
 * format check (validation/postcode.ts) while naming no real household.
 */

/** One postcode district: its outward code and a locality name. */
export interface PostcodeDistrict {
  outward: string;
  locality: string;
}

/** A post town with its county and postcode districts. */
export interface UkTown {
  town: string;
  county: string;
  districts: readonly PostcodeDistrict[];
}

function districts(spec: string): PostcodeDistrict[] {
  return spec.split(';').map((part) => {
    const [outward, locality] = part.split('=').map((s) => s.trim());
    return { outward: outward!, locality: locality! };
  });
}

/** Towns of a West Yorkshire catchment (most patients) and a few elsewhere (visitors, people who moved). */
export const ukTowns: readonly UkTown[] = [
  {
    town: 'Leeds',
    county: 'West Yorkshire',
    districts: districts(
      'LS1=City Centre;LS2=Woodhouse;LS3=Burley;LS4=Kirkstall;LS5=Hawksworth;LS6=Headingley;LS7=Chapel Allerton;' +
        'LS8=Roundhay;LS9=Harehills;LS10=Hunslet;LS11=Beeston;LS12=Armley;LS13=Bramley;LS14=Seacroft;' +
        'LS15=Cross Gates;LS16=Adel;LS17=Moortown;LS18=Horsforth;LS19=Yeadon;LS20=Guiseley;LS21=Otley;' +
        'LS22=Wetherby;LS23=Boston Spa;LS25=Garforth;LS26=Rothwell;LS27=Morley;LS28=Pudsey;LS29=Ilkley',
    ),
  },
  {
    town: 'Bradford',
    county: 'West Yorkshire',
    districts: districts(
      'BD1=City Centre;BD2=Eccleshill;BD3=Bradford Moor;BD4=Bierley;BD5=Little Horton;BD6=Wibsey;BD7=Great Horton;' +
        'BD8=Manningham;BD9=Heaton;BD10=Idle;BD11=Drighlington;BD12=Low Moor;BD13=Queensbury;BD14=Clayton;' +
        'BD15=Allerton;BD16=Bingley;BD17=Baildon;BD18=Shipley',
    ),
  },
  {
    town: 'Wakefield',
    county: 'West Yorkshire',
    districts: districts(
      'WF1=City Centre;WF2=Lupset;WF3=Stanley;WF4=Crigglestone;WF5=Ossett;WF6=Normanton;WF7=Featherstone;' +
        'WF8=Pontefract;WF9=South Elmsall;WF10=Castleford',
    ),
  },
  {
    town: 'Huddersfield',
    county: 'West Yorkshire',
    districts: districts(
      'HD1=Town Centre;HD2=Fartown;HD3=Lindley;HD4=Newsome;HD5=Dalton;HD7=Golcar;HD8=Kirkburton;HD9=Holmfirth',
    ),
  },
  {
    town: 'Halifax',
    county: 'West Yorkshire',
    districts: districts('HX1=Town Centre;HX2=Illingworth;HX3=Northowram;HX4=Greetland;HX5=Elland;HX6=Sowerby Bridge'),
  },
  {
    town: 'Harrogate',
    county: 'North Yorkshire',
    districts: districts('HG1=Town Centre;HG2=Starbeck;HG3=Pannal;HG5=Knaresborough'),
  },
  {
    town: 'York',
    county: 'North Yorkshire',
    districts: districts('YO1=City Centre;YO10=Heslington;YO24=Dringhouses;YO31=Heworth'),
  },
  {
    town: 'Sheffield',
    county: 'South Yorkshire',
    districts: districts('S1=City Centre;S6=Hillsborough;S10=Crookes;S11=Ecclesall'),
  },
  {
    town: 'Manchester',
    county: 'Greater Manchester',
    districts: districts('M1=City Centre;M14=Fallowfield;M20=Didsbury'),
  },
  {
    town: 'London',
    county: 'Greater London',
    districts: districts('SW1A=Westminster;E1=Whitechapel;N1=Islington;SE1=Southwark'),
  },
  { town: 'Newcastle upon Tyne', county: 'Tyne and Wear', districts: districts('NE1=City Centre;NE6=Byker') },
];

const townWeights: Record<string, number> = {
  Leeds: 62,
  Bradford: 9,
  Wakefield: 10,
  Huddersfield: 4,
  Halifax: 3,
  Harrogate: 5,
  York: 3,
  Sheffield: 1.5,
  Manchester: 1,
  London: 1,
  'Newcastle upon Tyne': 0.5,
};
const townTable = new WeightedTable(ukTowns.map((t) => [t, townWeights[t.town] ?? 1] as const));

const streetNames = `Church Park Victoria Station Main Mill High Green Manor Queens Kings Grange School Chapel
Springfield Oakwood Albert Westfield Beech Ash Elm Cedar Willow Hawthorn Holly Rowan Chestnut Sycamore Maple Moor
Ridge Hill Valley Meadow Orchard Woodland Farm Castle Abbey Priory Bridge Mill Low Wharf Canal Cliff Bank Cross Well
Lime Alexandra Cavendish Clarendon Grosvenor Wellington Nelson Cromwell Stanley Devonshire Granville Harewood Ripon
Otley Wakefield York Harrogate Bradford Leeds Tadcaster Wetherby Skipton Kirkstall Headingley Roundhay Gledhow
Lidgett Cardigan Brudenell Hyde Spencer Tennyson Byron Shelley Wordsworth Aire Wharfe Calder`
  .split(/\s+/)
  .filter((s) => s && !/[^A-Za-z]/.test(s));
const streetSuffixes = new WeightedTable<string>([
  ['Road', 30],
  ['Street', 22],
  ['Lane', 12],
  ['Avenue', 10],
  ['Close', 7],
  ['Drive', 7],
  ['Crescent', 5],
  ['Grove', 5],
  ['Way', 4],
  ['Gardens', 3],
  ['Terrace', 4],
  ['Court', 3],
  ['Mount', 2],
  ['View', 2],
  ['Place', 2],
]);
const buildingNames = [
  'Victoria Court',
  'Park View',
  'Mill House',
  'The Maltings',
  'Riverside Court',
  'Granary Wharf',
  'Ash Lodge',
];

/** Letters allowed in an inward code's last two characters (no C, I, K, M, O, V). */
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

/**
 * An inward code: a digit and two letters of the allowed set, e.g. `4QE`.
 *
 * @example
 * /^[0-9][ABD-HJLNP-UW-Z]{2}$/.test(randomInwardCode(rng)) // => true
 */
export function randomInwardCode(rng: SeededRandom): string {
  return `${rng.int(0, 9)}${rng.pick([...inwardLetters])}${rng.pick([...inwardLetters])}`;
}

/** A synthetic UK postal address. `line1` may contain a comma ("Flat 3, 12 Park Road"). */
export interface UkAddress {
  line1: string;
  /** The locality (district) name. */
  line2: string;
  town: string;
  county: string;
  /** Normalised postcode, e.g. `LS6 4QE`. */
  postcode: string;
}

/**
 * A random address in a weighted town of the catchment.
 *
 * @example
 * ukAddress(rng) // e.g. { line1: '27 Cardigan Road', line2: 'Headingley', town: 'Leeds', county: 'West Yorkshire', postcode: 'LS6 3BN' }
 */
export function ukAddress(rng: SeededRandom): UkAddress {
  const town = townTable.pick(rng);
  const district = rng.pick(town.districts);
  const street = `${rng.pick(streetNames)} ${streetSuffixes.pick(rng)}`;
  const house = rng.chance(0.7) ? rng.int(1, 120) : rng.int(1, 400);
  let line1: string;
  const kind = rng.next();
  if (kind < 0.12) line1 = `Flat ${rng.int(1, 24)}, ${house} ${street}`;
  else if (kind < 0.16) line1 = `${rng.int(1, 40)} ${rng.pick(buildingNames)}, ${street}`;
  else line1 = `${house} ${street}`;
  return {
    line1,
    line2: district.locality,
    town: town.town,
    county: town.county,
    postcode: `${district.outward} ${randomInwardCode(rng)}`,
  };
}
