/** Name pools for a believable UK client book. Invented combinations; contact details use reserved ranges. */

export const FEMALE_FIRST_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophia', 'Grace', 'Mia', 'Poppy', 'Ella', 'Lily', 'Evie',
  'Charlotte', 'Florence', 'Freya', 'Isabella', 'Ivy', 'Willow', 'Harper', 'Alice', 'Rosie', 'Phoebe',
  'Sienna', 'Matilda', 'Elsie', 'Daisy', 'Imogen', 'Eleanor', 'Ruby', 'Jessica', 'Hannah', 'Lucy',
  'Sarah', 'Rachel', 'Claire', 'Helen', 'Joanne', 'Nicola', 'Kirsty', 'Fiona', 'Catriona', 'Siobhan',
  'Niamh', 'Aoife', 'Ciara', 'Bethan', 'Cerys', 'Ffion', 'Seren', 'Rhiannon', 'Megan', 'Priya', 'Anjali',
  'Aisha', 'Fatima', 'Zainab', 'Maryam', 'Nisha', 'Sunita', 'Harpreet', 'Simran', 'Chioma', 'Ngozi',
  'Adaeze', 'Funmilayo', 'Amara', 'Zofia', 'Agnieszka', 'Katarzyna', 'Mei', 'Lin', 'Yasmin', 'Leila',
  'Margaret', 'Patricia', 'Susan', 'Elizabeth', 'Janet', 'Linda', 'Pauline', 'Gillian', 'Deborah',
  'Karen', 'Alison', 'Julie', 'Lorraine', 'Amanda', 'Victoria', 'Louise', 'Emma', 'Laura', 'Gemma',
  'Kerry', 'Natalie', 'Zoe', 'Abigail', 'Caitlin', 'Orla', 'Eilidh', 'Morag', 'Heather',
] as const

export const MALE_FIRST_NAMES = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Oscar', 'Archie', 'Henry', 'Theo', 'Jack',
  'Charlie', 'Freddie', 'Alfie', 'Thomas', 'William', 'James', 'Joshua', 'Edward', 'Samuel', 'Daniel',
  'Benjamin', 'Lewis', 'Callum', 'Jamie', 'Ross', 'Fraser', 'Hamish', 'Angus', 'Euan', 'Rhys', 'Dafydd',
  'Gareth', 'Owain', 'Iwan', 'Huw', 'Cian', 'Conor', 'Padraig', 'Seamus', 'Declan', 'Ravi', 'Arjun',
  'Rohan', 'Sanjay', 'Vikram', 'Imran', 'Omar', 'Bilal', 'Tariq', 'Hassan', 'Yusuf', 'Gurpreet',
  'Jaspal', 'Chidi', 'Emeka', 'Oluwaseun', 'Tunde', 'Kwame', 'Kofi', 'Tomasz', 'Piotr', 'Marek', 'Wei',
  'Jun', 'Andrew', 'David', 'Michael', 'Paul', 'Mark', 'Richard', 'Stephen', 'Peter', 'Robert', 'John',
  'Christopher', 'Neil', 'Graham', 'Stuart', 'Ian', 'Alan', 'Colin', 'Keith', 'Martin', 'Simon', 'Gary',
  'Darren', 'Lee', 'Craig', 'Jonathan', 'Matthew', 'Adam', 'Luke', 'Nathan', 'Ryan', 'Kieran', 'Liam',
  'Dominic', 'Alexander', 'Malcolm', 'Duncan',
] as const

export const LAST_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
  'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott',
  'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly',
  'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox',
  'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson',
  'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell',
  'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell',
  'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Graham', 'Pearson', 'Ahmed',
  'Fletcher', 'Walsh', 'Kaur', 'Gibson', 'Howard', 'Andrews', 'Stewart', 'Elliott', 'Reynolds', 'Saunders',
  'Payne', 'Fox', 'Ford', 'Pearce', 'Day', 'Brooks', 'West', 'Lawrence', 'Cole', 'Atkinson', 'Bradley',
  'Spencer', 'Gill', 'Dawson', 'Ball', 'Burton', "O'Brien", 'Watts', 'Rose', 'Booth', 'Perry', 'Ryan',
  'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees', 'Hayes', 'Hart', 'Hudson', 'Newman', 'Barrett',
  'Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Boateng', 'Nwosu', 'Sharma', 'Gupta', 'Chaudhry', 'Iqbal',
  'Rahman', 'Malik', 'Shah', 'Mistry', 'Chauhan', 'Nowak', 'Kowalski', 'Wiśniewska', 'Chen', 'Wong',
  'Li', 'MacDonald', 'MacLeod', 'Fraser', 'Robertson', 'Ross', 'Sinclair', 'McKenzie', 'Paterson',
  "O'Sullivan", "O'Connor", 'Byrne', 'Doyle', 'Quinn', 'Gallagher', 'Llewellyn', 'Pritchard', 'Vaughan',
  'Bevan', 'Jenkins-Price', 'Ashworth', 'Whitfield', 'Pemberton', 'Hargreaves', 'Sutcliffe', 'Ainsworth',
] as const

export const TOWNS = [
  'Harrogate', 'York', 'Leeds', 'Manchester', 'Stockport', 'Chester', 'Bath', 'Bristol', 'Cheltenham',
  'Oxford', 'Reading', 'Guildford', 'Brighton', 'Canterbury', 'Norwich', 'Cambridge', 'Ipswich',
  'Nottingham', 'Derby', 'Leicester', 'Birmingham', 'Worcester', 'Shrewsbury', 'Cardiff', 'Swansea',
  'Edinburgh', 'Glasgow', 'Aberdeen', 'Dundee', 'Inverness', 'Belfast', 'Newcastle', 'Durham',
  'Sheffield', 'Exeter', 'Plymouth', 'Truro', 'Winchester', 'Salisbury', 'Kendal',
] as const

/** Business names for business-role clients: "<Town|Surname> <trade>". */
export const TRADES = [
  'Joinery Ltd', 'Dental Practice Ltd', 'Veterinary Surgery', 'Architects LLP', 'Plumbing & Heating Ltd',
  'Electrical Services Ltd', 'Bakery Ltd', 'Consulting Ltd', 'Physiotherapy Ltd', 'Landscapes Ltd',
  'Engineering Ltd', 'Accountants LLP', 'Property Holdings Ltd', 'Garage Ltd', 'Design Studio Ltd',
] as const

export const CIRCLE_GROUPS = [
  { name: 'Pensions', colour: '#2563eb' },
  { name: 'Protection', colour: '#16a34a' },
  { name: 'Mortgages', colour: '#ea580c' },
  { name: 'Investments', colour: '#7c3aed' },
  { name: 'Estate Planning', colour: '#0d9488' },
  { name: 'High Net Worth', colour: '#b45309' },
  { name: 'Annual Review Due', colour: '#dc2626' },
  { name: 'Retirement Planning', colour: '#4f46e5' },
] as const

export const CONVERSATION_TAGS = [
  { name: 'Annual review', colour: '#2563eb' },
  { name: 'Urgent', colour: '#dc2626' },
  { name: 'Pensions', colour: '#7c3aed' },
  { name: 'Mortgage', colour: '#ef4582' },
  { name: 'Protection', colour: '#16a34a' },
  { name: 'ISA', colour: '#0891b2' },
  { name: 'New business', colour: '#ca8a04' },
  { name: 'Documents needed', colour: '#ea580c' },
] as const

/** Circle background colours: muted, readable with white initials. */
export const BG_COLOURS = [
  '#35f4e1', '#1e88e5', '#43a047', '#8e24aa', '#f4511e', '#00897b', '#6d4c41', '#3949ab', '#c0ca33',
  '#d81b60', '#5e35b1', '#fb8c00', '#546e7a', '#7cb342', '#039be5',
] as const
