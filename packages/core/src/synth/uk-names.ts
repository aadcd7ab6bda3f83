import type { SeededRandom } from './seeded-random.js';
import { WeightedTable } from './weighted-table.js';

/**
 * UK forenames and surnames for synthetic patients. Popularity differs by birth era, so forenames are in
 * three lists per sex (born before 1955, 1955-1989, 1990 on), each ordered roughly from most to least
 * common and weighted by rank. The mix reflects an English city: mostly British names, with South Asian,
 * Polish, West African, Somali, Irish and Chinese names at realistic shares.
 *
 * Every name is written so that title-casing its upper-case form gives it back (first letter of each
 * word, and after a hyphen or apostrophe, upper; the rest lower): `O'Brien`, `Macdonald`, never `McDonald`.
 */

const olderMale = `John William George Robert James Thomas Kenneth Peter Ronald Dennis Albert Frederick Arthur Harold
Leonard Alan Brian Derek Donald Stanley Ernest Walter Raymond Norman Roy Eric Geoffrey Gordon Frank Charles Edward Henry
Joseph Michael David Anthony Keith Colin Terence Bernard Douglas Cyril Leslie Herbert Sidney Reginald Clifford Maurice
Gerald Trevor Malcolm Alfred Harry Jack Richard Francis Patrick Samuel Ralph Victor Wilfred Percy Lawrence Howard Neville
Roger Barry Graham Alexander Ian Hugh Philip Denis Stuart Cecil Bryan Vernon Lionel Ivor Gilbert Clive Desmond Owen Rex
Mohammed Abdul Gurdev Harbans Mohan Liam Sean Declan Stanislaw Tadeusz Winston Aubrey Leroy`;

const olderFemale = `Margaret Mary Joan Patricia Dorothy Betty Doris Jean Irene Joyce Barbara Eileen Sheila Shirley
Kathleen Elizabeth Audrey Brenda Maureen Pamela Sylvia Valerie June Marjorie Edna Evelyn Vera Winifred Florence Gladys
Hilda Ivy Elsie Lilian Muriel Olive Phyllis Violet Beryl Mavis Rita Ann Anne Jennifer Janet Christine Gillian Pauline
Rosemary Hazel Edith Ethel Alice Annie Nora Gwendoline Freda Josephine Marion Sheena Catherine Helen Peggy Norma Jessie
Agnes Lily Rose Ada Mabel Grace Nellie Constance Daphne Enid Iris Thelma Brenda Wendy Carol Marian Lorna Rosalind
Bridget Teresa Noreen Kathleen Sadie Amy Hannah Harriet Nancy Esther Zofia Krystyna Gurmit Kamla Rashida Zubeida
Hyacinth Gloria Merle`;

const middleMale = `David Paul Mark Andrew Stephen Michael Ian Richard Gary Steven Christopher Darren Neil Simon Martin
Jason Lee Craig Kevin Wayne Dean Jonathan Matthew Daniel Robert Philip Nigel Graham Stuart Carl Adrian Russell Shaun
Scott Anthony Peter Timothy Julian Gareth Kieran Liam Sean Nicholas Alexander James John Jamie Ryan Karl Glen Barry Tony
Alan Colin Keith Brian Kenneth Derek Trevor Grant Ross Gavin Duncan Jeremy Justin Marcus Mohammed Muhammad Imran Sanjay
Tariq Rajesh Amir Asif Shahid Kashif Zahid Nadeem Sajid Vikram Rakesh Sunil Tomasz Piotr Krzysztof Marek Pawel Chukwuemeka
Oluwaseun Kwame Emmanuel Samuel Abdullahi Ahmed Wei Jun Declan Conor Brendan Ciaran Francis Gerard Terence Malcolm`;

const middleFemale = `Susan Karen Julie Sarah Helen Lisa Nicola Claire Amanda Tracey Joanne Michelle Emma Rachel Louise
Kelly Deborah Alison Jacqueline Angela Sharon Donna Dawn Samantha Victoria Rebecca Laura Catherine Caroline Jane Elaine
Lorraine Wendy Tina Gemma Kirsty Hayley Natalie Zoe Joanna Fiona Paula Julia Andrea Diane Denise Beverley Carol Linda
Janet Kim Lynn Debra Jennifer Anne Sally Katherine Lucy Rachael Stephanie Vanessa Heidi Leanne Stacey Charlotte Kerry
Jill Ruth Teresa Priya Nadia Fatima Ayesha Shabana Nasreen Rubina Samina Parveen Sunita Anita Reena Agnieszka Katarzyna
Anna Magdalena Joanna Grace Blessing Chioma Funmilayo Abena Amina Fadumo Mei Ling Siobhan Niamh Aoife Bernadette Maria`;

const youngerMale = `Jack Thomas Oliver Harry James Joshua Daniel Samuel William George Charlie Jacob Alfie Noah Oscar Leo
Freddie Arthur Archie Henry Theo Isaac Muhammad Ethan Lucas Mason Logan Dylan Ryan Callum Connor Kyle Adam Luke Ben Max
Toby Finley Riley Jayden Zain Yusuf Ibrahim Aarav Kacper Jakub Reuben Elijah Teddy Joseph Alexander Benjamin Matthew Lewis
Liam Jake Nathan Bradley Jordan Reece Aaron Kieran Tyler Cameron Harvey Louis Sebastian Edward Harrison Jenson Rory
Hugo Felix Ronnie Albie Tommy Stanley Frankie Bobby Louie Hamza Ayaan Ali Omar Rayyan Zakariya Arjun Rohan Dev Filip
Szymon Antoni Oliwer Tobi David Ifeanyi Kofi Ayomide Mustafa Abdirahman Ethan Caleb Jude Ezra Ralph Ollie Finn`;

const youngerFemale = `Olivia Amelia Emily Isla Ava Jessica Isabella Lily Sophie Grace Chloe Ella Mia Evie Poppy Charlotte
Freya Ruby Holly Megan Hannah Lauren Amy Rebecca Bethany Jade Abigail Phoebe Millie Daisy Scarlett Florence Sienna Willow
Maya Aisha Maryam Zara Hafsa Amira Zuzanna Julia Esme Harper Matilda Rosie Imogen Erin Leah Niamh Sophia Eva Layla
Alice Elsie Ivy Rosie Mollie Katie Georgia Eleanor Lucy Ellie Paige Shannon Courtney Jasmine Kayleigh Danielle Natasha
Zoe Kirsty Emma Laura Sarah Rachel Hollie Aimee Alesha Eliza Edie Violet Orla Thea Zainab Khadija Inaya Anaya Aleena
Hania Lena Maja Oliwia Adaeze Chiamaka Ama Ayan Hodan Mariam Eloise Beatrice Darcie Nancy Ada Maisie Lottie Lyla`;

const surnames = `Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White
Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis Rodgers Hughes Turner
Harris Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen Young Scott Watson Edwards Ali
Hussain Ahmed Begum Shah Singh Kaur Sharma Mahmood Iqbal Akhtar Rahman Chowdhury Islam Miah Uddin Bibi Hussein Butt
Anderson Carter Shaw Parker Bennett Collins Cook Bailey Bell Richardson Cox Murphy Marshall Simpson Ellis Adams Holmes
Wilkinson Foster Chapman Russell Webb Powell Lloyd Mills Gray Griffiths Stevens Price Kelly Fisher Murray Dixon Hunt
Palmer Holland Pearson Gibson Knight Jenkins Barnes Stewart Lawrence Owen Kennedy Reynolds Butler Saunders Fletcher Lane
Riley Grant Spencer Barker Atkinson Burton Dawson Hudson Matthews Nicholson Sutcliffe Ackroyd Haigh Firth Barraclough
Hirst Hey Hartley Crowther Greenwood Whiteley Sykes Pickles Priestley Brook Brooke Booth Ramsden Holroyd Lockwood Mellor
Gill Kumar Mistry Parmar Chauhan Joshi Desai Mehta Rana Bhatti Malik Qureshi Raza Aziz Javed Sultana Khatun Nowak
Kowalski Wisniewski Kaminski Lewandowski Zielinski Wojcik Nguyen Chen Wang Li Wong Zhang Liu Okafor Adeyemi Mensah Osei
Boateng Okonkwo Adebayo Mohamed Abdi Ibrahim Warsame Yusuf Hassan Farah O'Brien O'Connor O'Neill O'Sullivan Doyle Byrne
Ryan Walsh Gallagher Quinn Brennan Mcgrath Macdonald Mackenzie Campbell Fraser Ross Reid Paterson Henderson Robertson
Thomson Cameron Hamilton Graham Duncan Hughes Lloyd Rees Pritchard Howells Powell Jenkins Morgan Vaughan Howard Wells
Fox Payne Harvey Newton Hayes Bradley Lambert Francis Day Hart Hopkins Sharp Kerr Frost Archer Armstrong Gardner Porter
Stone Hamilton Pearce Cole Rowe Chambers Dean Lamb Poole Andrews Burgess Wade Berry Gordon Bird Dunn Parsons Bates
Atherton Ashworth Thornton Pollard Lister Lund Metcalfe Dobson Slater Hargreaves Hepworth Horsfall Ingham Kitchen
Laycock Moorhouse Nuttall Pickard Pollitt Rhodes Schofield Senior Smithson Stansfield Tattersall Toothill Tetley Tordoff
Barlow Bentley Birch Blake Bolton Bond Bowen Briggs Buckley Bull Burns Butterworth Carr Cartwright Chadwick Charlton
Crossley Dale Dalton Denton Duffy Eastwood Farrar Garside Gaunt Haley Hanson Harper Heaton Hobson Hollings Jagger`;

/** Splits a whitespace-separated list, keeping the first of any duplicates (order matters for weights). */
function words(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))];
}

/** Weight by rank: a gently falling curve, so the commonest name is about 15x the rarest. */
function byRank(list: readonly string[]): WeightedTable<string> {
  return new WeightedTable(list.map((name, i) => [name, 1 / (i + 8)] as const));
}

export type NameSex = 'male' | 'female';

const forenameTables: Record<NameSex, WeightedTable<string>[]> = {
  male: [byRank(words(olderMale)), byRank(words(middleMale)), byRank(words(youngerMale))],
  female: [byRank(words(olderFemale)), byRank(words(middleFemale)), byRank(words(youngerFemale))],
};
const surnameTable = byRank(words(surnames));

function eraIndex(birthYear: number): number {
  return birthYear < 1955 ? 0 : birthYear < 1990 ? 1 : 2;
}

/**
 * A forename for someone of this sex born in this year.
 *
 * @example
 * ukForename(rng, 'female', 1938) // e.g. 'Doris'
 */
export function ukForename(rng: SeededRandom, sex: NameSex, birthYear: number): string {
  return forenameTables[sex][eraIndex(birthYear)]!.pick(rng);
}

/** A surname; about 1 in 150 is double-barrelled (`Smith-Jones`). */
export function ukSurname(rng: SeededRandom): string {
  const first = surnameTable.pick(rng);
  if (rng.chance(1 / 150)) {
    const second = surnameTable.pick(rng);
    if (second !== first && !first.includes("'") && !second.includes("'")) return `${first}-${second}`;
  }
  return first;
}

/** Every forename and surname in the lists (for tests and documentation). */
export function allUkNames(): { forenames: Record<NameSex, string[]>; surnames: string[] } {
  return {
    forenames: {
      male: forenameTables.male.flatMap((t) => [...t.all]),
      female: forenameTables.female.flatMap((t) => [...t.all]),
    },
    surnames: [...surnameTable.all],
  };
}
